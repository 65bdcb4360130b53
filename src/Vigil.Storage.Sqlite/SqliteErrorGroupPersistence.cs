using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Error groups in SQLite: <see cref="IErrorGroupPersistence"/> over prepared commands, on the batch writer's
/// connection and transaction. Times are stored as Unix nanoseconds.
/// </summary>
internal sealed class SqliteErrorGroupPersistence(SqliteConnection connection) : IErrorGroupPersistence
{
    private readonly SqliteErrorCommands _commands = new(connection);

    public IReadOnlyList<PreparedCommand> All => _commands.All;

    public long? FindGroupIdByExceptionId(string exceptionId, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var find = _commands.FindByExceptionId;
        find.Set(0, exceptionId);
        find.Set(1, UnixTime.ToNanoseconds(earliest));
        find.Set(2, UnixTime.ToNanoseconds(latest));
        return find.ExecuteNullableInt64();
    }

    public IReadOnlyList<UnpairedErrorEvent> FindUnpairedEvents(string traceId, string spanId, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var find = _commands.FindUnpaired;
        find.Set(0, spanId);
        find.Set(1, traceId);
        find.Set(2, UnixTime.ToNanoseconds(earliest));
        find.Set(3, UnixTime.ToNanoseconds(latest));
        using var reader = find.ExecuteReader();
        if (!reader.Read())
        {
            return [];
        }

        var events = new List<UnpairedErrorEvent>();
        do
        {
            events.Add(new UnpairedErrorEvent(
                reader.GetInt64(0),
                reader.GetInt64(1),
                UnixTime.FromNanoseconds(reader.GetInt64(2)),
                (ErrorEventSource)reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6) != 0));
        }
        while (reader.Read());
        return events;
    }

    public void MarkPaired(long eventId)
    {
        _commands.MarkPaired.Set(0, eventId);
        _commands.MarkPaired.Execute();
    }

    public long? FindAlias(string fingerprint, int groupingVersion)
    {
        _commands.FindAlias.Set(0, fingerprint);
        _commands.FindAlias.Set(1, groupingVersion);
        return _commands.FindAlias.ExecuteNullableInt64();
    }

    public void InsertAlias(string fingerprint, int groupingVersion, long groupId)
    {
        _commands.InsertAlias.Set(0, fingerprint);
        _commands.InsertAlias.Set(1, groupingVersion);
        _commands.InsertAlias.Set(2, groupId);
        _commands.InsertAlias.Execute();
    }

    public ErrorGroup? FindGroup(long id)
    {
        _commands.ReadGroup.Set(0, id);
        return ReadState(_commands.ReadGroup);
    }

    public ErrorGroup? FindGroupByFingerprint(string fingerprint, int groupingVersion)
    {
        _commands.FindGroup.Set(0, fingerprint);
        _commands.FindGroup.Set(1, groupingVersion);
        return ReadState(_commands.FindGroup);
    }

    public long InsertGroup(ErrorGroup group)
    {
        var insert = _commands.InsertGroup;
        insert.Set(0, group.Fingerprint);
        insert.Set(1, group.GroupingVersion);
        insert.Set(2, (int)group.Method);
        insert.Set(3, group.Type);
        insert.Set(4, group.Message);
        insert.Set(5, group.Culprit);
        insert.Set(6, group.StackTrace);
        insert.Set(7, UnixTime.ToNanoseconds(group.FirstSeen));
        insert.Set(8, UnixTime.ToNanoseconds(group.LastSeen));
        insert.Set(9, group.Count);
        insert.Set(10, (int)group.BaseSeverity);
        insert.Set(11, (int)group.Status);
        return insert.ExecuteInt64();
    }

    public void UpdateGroup(ErrorGroup group)
    {
        var update = _commands.UpdateGroup;
        update.Set(0, group.Count);
        update.Set(1, UnixTime.ToNanoseconds(group.FirstSeen));
        update.Set(2, UnixTime.ToNanoseconds(group.LastSeen));
        update.Set(3, (int)group.BaseSeverity);
        update.Set(4, (int)group.Status);
        update.Set(5, group.StatusChanged is { } changed ? UnixTime.ToNanoseconds(changed) : null);
        update.Set(6, group.IsRegression ? 1 : 0);
        update.Set(7, group.ResolvedInNextRelease ? 1 : 0);
        update.Set(8, group.IgnoredUntil is { } until ? UnixTime.ToNanoseconds(until) : null);
        update.Set(9, group.IgnoredUntilCount);
        update.Set(10, group.Id);
        update.Execute();
    }

    public void InsertEvent(ErrorEventRecord errorEvent)
    {
        var insert = _commands.InsertEvent;
        insert.Set(0, errorEvent.GroupId);
        insert.Set(1, UnixTime.ToNanoseconds(errorEvent.Timestamp));
        insert.Set(2, (int)errorEvent.Source);
        insert.Set(3, errorEvent.TraceId);
        insert.Set(4, errorEvent.SpanId);
        insert.Set(5, errorEvent.ServiceName);
        insert.Set(6, errorEvent.Release);
        insert.Set(7, errorEvent.Type);
        insert.Set(8, errorEvent.Message);
        insert.Set(9, errorEvent.StackTrace);
        insert.Set(10, errorEvent.ExceptionId);
        insert.Execute();
    }

    public void AddService(long groupId, string serviceName)
    {
        _commands.InsertService.Set(0, groupId);
        _commands.InsertService.Set(1, serviceName);
        _commands.InsertService.Execute();
    }

    public bool AddRelease(long groupId, string release)
    {
        _commands.InsertRelease.Set(0, groupId);
        _commands.InsertRelease.Set(1, release);
        return _commands.InsertRelease.Execute() > 0;
    }

    public void CountHour(long groupId, DateTimeOffset hour)
    {
        _commands.CountHour.Set(0, groupId);
        _commands.CountHour.Set(1, UnixTime.ToNanoseconds(hour));
        _commands.CountHour.Execute();
    }

    private static ErrorGroup? ReadState(PreparedCommand command)
    {
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ErrorGroup
        {
            Id = reader.GetInt64(0),
            Count = reader.GetInt64(1),
            FirstSeen = UnixTime.FromNanoseconds(reader.GetInt64(2)),
            LastSeen = UnixTime.FromNanoseconds(reader.GetInt64(3)),
            BaseSeverity = (ErrorSeverity)reader.GetInt32(4),
            Severity = (ErrorSeverity)reader.GetInt32(4),
            Status = (ErrorGroupStatus)reader.GetInt32(5),
            StatusChanged = reader.IsDBNull(6) ? null : UnixTime.FromNanoseconds(reader.GetInt64(6)),
            IsRegression = reader.GetInt64(7) != 0,
            ResolvedInNextRelease = reader.GetInt64(8) != 0,
            IgnoredUntil = reader.IsDBNull(9) ? null : UnixTime.FromNanoseconds(reader.GetInt64(9)),
            IgnoredUntilCount = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        };
    }
}
