using Npgsql;
using Vigil.Model;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Error groups in PostgreSQL: <see cref="IErrorGroupPersistence"/> as plain statements on the batch's transaction,
/// the same reads and writes as the SQLite engine's (times as Unix nanoseconds). The rules are the pipeline's.
/// </summary>
internal sealed class PostgreSqlErrorGroupPersistence(NpgsqlConnection connection, NpgsqlTransaction batch) : IErrorGroupPersistence
{
    private readonly PostgreSqlTriageTransaction _transaction = new(connection, batch);

    /// <summary>The columns a group's state is read from, in <see cref="ReadState"/>'s order.</summary>
    private const string GroupStateColumns =
        "id, count, first_seen, last_seen, base_severity, status, status_changed, is_regression, resolved_in_next_release, " +
        "ignored_until, ignored_until_count";

    public long? FindGroupIdByExceptionId(string exceptionId, DateTimeOffset earliest, DateTimeOffset latest)
    {
        using var command = _transaction.Command(
            "SELECT group_id FROM error_events WHERE exception_id = $1 AND time BETWEEN $2 AND $3 LIMIT 1",
            exceptionId, UnixTime.ToNanoseconds(earliest), UnixTime.ToNanoseconds(latest));
        return command.ExecuteScalar() is long id ? id : null;
    }

    public IReadOnlyList<UnpairedErrorEvent> FindUnpairedEvents(string traceId, string spanId, DateTimeOffset earliest, DateTimeOffset latest)
    {
        using var command = _transaction.Command(
            "SELECT id, group_id, time, source, type, message, exception_id IS NOT NULL FROM error_events " +
            "WHERE span_id = $1 AND trace_id = $2 AND NOT paired AND time BETWEEN $3 AND $4",
            spanId, traceId, UnixTime.ToNanoseconds(earliest), UnixTime.ToNanoseconds(latest));
        using var reader = command.ExecuteReader();
        var events = new List<UnpairedErrorEvent>();
        while (reader.Read())
        {
            events.Add(new UnpairedErrorEvent(
                reader.GetInt64(0),
                reader.GetInt64(1),
                UnixTime.FromNanoseconds(reader.GetInt64(2)),
                (ErrorEventSource)reader.GetInt32(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetBoolean(6)));
        }

        return events;
    }

    public void MarkPaired(long eventId) => Execute("UPDATE error_events SET paired = true WHERE id = $1", eventId);

    public long? FindAlias(string fingerprint, int groupingVersion)
    {
        using var command = _transaction.Command(
            "SELECT group_id FROM error_group_aliases WHERE fingerprint = $1 AND grouping_version = $2", fingerprint, groupingVersion);
        return command.ExecuteScalar() is long id ? id : null;
    }

    public void InsertAlias(string fingerprint, int groupingVersion, long groupId) =>
        Execute("INSERT INTO error_group_aliases (fingerprint, grouping_version, group_id) VALUES ($1, $2, $3)", fingerprint, groupingVersion, groupId);

    public ErrorGroup? FindGroup(long id) => ReadState($"SELECT {GroupStateColumns} FROM error_groups WHERE id = $1", id);

    public ErrorGroup? FindGroupByFingerprint(string fingerprint, int groupingVersion) =>
        ReadState($"SELECT {GroupStateColumns} FROM error_groups WHERE fingerprint = $1 AND grouping_version = $2", fingerprint, groupingVersion);

    public long InsertGroup(ErrorGroup group)
    {
        using var command = _transaction.Command(
            "INSERT INTO error_groups (fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, " +
            "count, base_severity, status, is_regression, resolved_in_next_release) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, false, false) RETURNING id",
            group.Fingerprint,
            group.GroupingVersion,
            (int)group.Method,
            group.Type,
            Text(group.Message),
            Text(group.Culprit),
            Text(group.StackTrace),
            UnixTime.ToNanoseconds(group.FirstSeen),
            UnixTime.ToNanoseconds(group.LastSeen),
            group.Count,
            (int)group.BaseSeverity,
            (int)group.Status);
        return (long)command.ExecuteScalar()!;
    }

    public void UpdateGroup(ErrorGroup group) => Execute(
        "UPDATE error_groups SET count = $1, first_seen = $2, last_seen = $3, base_severity = $4, status = $5, status_changed = $6, " +
        "is_regression = $7, resolved_in_next_release = $8, ignored_until = $9, ignored_until_count = $10 WHERE id = $11",
        group.Count,
        UnixTime.ToNanoseconds(group.FirstSeen),
        UnixTime.ToNanoseconds(group.LastSeen),
        (int)group.BaseSeverity,
        (int)group.Status,
        Time(group.StatusChanged),
        group.IsRegression,
        group.ResolvedInNextRelease,
        Time(group.IgnoredUntil),
        Int64(group.IgnoredUntilCount),
        group.Id);

    public void InsertEvent(ErrorEventRecord errorEvent) => Execute(
        "INSERT INTO error_events (group_id, time, source, trace_id, span_id, service_name, release, type, message, stacktrace, paired, exception_id) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11)",
        errorEvent.GroupId,
        UnixTime.ToNanoseconds(errorEvent.Timestamp),
        (int)errorEvent.Source,
        Text(errorEvent.TraceId),
        Text(errorEvent.SpanId),
        Text(errorEvent.ServiceName),
        Text(errorEvent.Release),
        errorEvent.Type,
        Text(errorEvent.Message),
        Text(errorEvent.StackTrace),
        Text(errorEvent.ExceptionId));

    public void AddService(long groupId, string serviceName) =>
        Execute("INSERT INTO error_group_services (group_id, service_name) VALUES ($1, $2) ON CONFLICT DO NOTHING", groupId, serviceName);

    public bool AddRelease(long groupId, string release) =>
        Execute("INSERT INTO error_group_releases (group_id, release) VALUES ($1, $2) ON CONFLICT DO NOTHING", groupId, release) > 0;

    public void CountHour(long groupId, DateTimeOffset hour) => Execute(
        "INSERT INTO error_hourly_counts (group_id, hour, count) VALUES ($1, $2, 1) " +
        "ON CONFLICT (group_id, hour) DO UPDATE SET count = error_hourly_counts.count + 1",
        groupId, UnixTime.ToNanoseconds(hour));

    private int Execute(string sql, params object[] parameters)
    {
        using var command = _transaction.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    private ErrorGroup? ReadState(string sql, params object[] parameters)
    {
        using var command = _transaction.Command(sql, parameters);
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
            StatusChanged = PostgreSqlRows.NullableTime(reader, 6),
            IsRegression = reader.GetBoolean(7),
            ResolvedInNextRelease = reader.GetBoolean(8),
            IgnoredUntil = PostgreSqlRows.NullableTime(reader, 9),
            IgnoredUntilCount = reader.IsDBNull(10) ? null : reader.GetInt64(10),
        };
    }
}
