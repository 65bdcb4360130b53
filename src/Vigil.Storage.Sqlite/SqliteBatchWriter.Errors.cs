using Microsoft.Data.Sqlite;
using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Error groups: every exception in the batch (see <see cref="ErrorExtractor"/>) becomes an event of its group, in the
/// batch's own transaction, so the group, its counts and the telemetry it came from commit together.
/// </summary>
internal sealed partial class SqliteBatchWriter
{
    private readonly ErrorTrackingOptions _errorTracking;
    private readonly TimeProvider _clock;
    private readonly SqliteErrorCommands _errors;

    private void WriteErrors(TelemetryBatch batch)
    {
        var occurrences = ErrorExtractor.Extract(batch, _errorTracking);
        if (occurrences.Count == 0)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        foreach (var occurrence in occurrences)
        {
            WriteError(occurrence, now);
        }
    }

    private void WriteError(ErrorOccurrence occurrence, DateTimeOffset now)
    {
        var time = UnixTime.ToNanoseconds(occurrence.Timestamp);
        if (occurrence.ExceptionId is not null)
        {
            _errors.FindByExceptionId.Set(0, occurrence.ExceptionId);
            _errors.FindByExceptionId.Set(1, time);
            _errors.FindByExceptionId.Set(2, UnixTime.ToNanoseconds(ExceptionIdentity.Window));
            if (_errors.FindByExceptionId.ExecuteNullableInt64() is { } reportedGroup)
            {
                // Another report of this very exception object is stored and counted.
                AliasFingerprint(occurrence, reportedGroup);
                return;
            }
        }

        if (occurrence.TraceId is not null && occurrence.SpanId is not null)
        {
            _errors.PairEvent.Set(0, occurrence.SpanId);
            _errors.PairEvent.Set(1, occurrence.TraceId);
            _errors.PairEvent.Set(2, (int)occurrence.Source);
            _errors.PairEvent.Set(3, occurrence.Type);
            _errors.PairEvent.Set(4, occurrence.Message);
            _errors.PairEvent.Set(5, time);
            _errors.PairEvent.Set(6, occurrence.ExceptionId);
            if (_errors.PairEvent.ExecuteNullableInt64() is { } pairedGroup)
            {
                // The other report of this same occurrence is already stored and counted.
                AliasFingerprint(occurrence, pairedGroup);
                return;
            }
        }

        var group = FindAliasedGroup(occurrence) ?? UpsertErrorGroup(occurrence, time);

        var insert = _errors.InsertEvent;
        insert.Set(0, group.Id);
        insert.Set(1, time);
        insert.Set(2, (int)occurrence.Source);
        insert.Set(3, occurrence.TraceId);
        insert.Set(4, occurrence.SpanId);
        insert.Set(5, occurrence.ServiceName);
        insert.Set(6, occurrence.Release);
        insert.Set(7, occurrence.Type);
        insert.Set(8, occurrence.Message);
        insert.Set(9, occurrence.StackTrace);
        insert.Set(10, occurrence.ExceptionId);
        insert.Execute();

        if (occurrence.ServiceName is not null)
        {
            _errors.InsertService.Set(0, group.Id);
            _errors.InsertService.Set(1, occurrence.ServiceName);
            _errors.InsertService.Execute();
        }

        var newRelease = false;
        if (occurrence.Release is not null)
        {
            _errors.InsertRelease.Set(0, group.Id);
            _errors.InsertRelease.Set(1, occurrence.Release);
            newRelease = _errors.InsertRelease.Execute() > 0;
        }

        var updated = ErrorLifecycle.OnEvent(group with { Count = group.Count + 1 }, occurrence.Timestamp, newRelease, now);
        var update = _errors.UpdateGroup;
        update.Set(0, updated.Count);
        update.Set(1, time);
        update.Set(2, (int)updated.Status);
        update.Set(3, updated.StatusChanged is { } changed ? UnixTime.ToNanoseconds(changed) : null);
        update.Set(4, updated.IsRegression ? 1 : 0);
        update.Set(5, updated.ResolvedInNextRelease ? 1 : 0);
        update.Set(6, updated.IgnoredUntil is { } until ? UnixTime.ToNanoseconds(until) : null);
        update.Set(7, updated.IgnoredUntilCount);
        update.Set(8, group.Id);
        update.Set(9, (int)occurrence.Severity);
        update.Execute();

        _errors.CountHour.Set(0, group.Id);
        _errors.CountHour.Set(1, UnixTime.ToNanoseconds(ErrorHour.Start(occurrence.Timestamp)));
        _errors.CountHour.Execute();
    }

    /// <summary>
    /// A second report of a counted occurrence may carry another stack text (rendered after the exception unwound
    /// further, or logged again by an outer catch), so its fingerprint becomes an alias of the first report's group.
    /// </summary>
    private void AliasFingerprint(ErrorOccurrence occurrence, long groupId)
    {
        _errors.InsertAlias.Set(0, occurrence.Fingerprint.Value);
        _errors.InsertAlias.Set(1, ExceptionFingerprinter.Version);
        _errors.InsertAlias.Set(2, groupId);
        _errors.InsertAlias.Execute();
    }

    /// <summary>The group this fingerprint was paired into as an alias, with its life-cycle state; null when none.</summary>
    private ErrorGroup? FindAliasedGroup(ErrorOccurrence occurrence)
    {
        _errors.FindAlias.Set(0, occurrence.Fingerprint.Value);
        _errors.FindAlias.Set(1, ExceptionFingerprinter.Version);
        if (_errors.FindAlias.ExecuteNullableInt64() is not { } id)
        {
            return null;
        }

        _errors.ReadGroup.Set(0, id);
        using var reader = _errors.ReadGroup.ExecuteReader();
        return reader.Read() ? ReadLifecycle(reader) : null;
    }

    /// <summary>Finds or creates the group; returns the life-cycle state it had before this event.</summary>
    private ErrorGroup UpsertErrorGroup(ErrorOccurrence occurrence, long time)
    {
        var find = _errors.FindGroup;
        find.Set(0, occurrence.Fingerprint.Value);
        find.Set(1, ExceptionFingerprinter.Version);
        using (var found = find.ExecuteReader())
        {
            if (found.Read())
            {
                return ReadLifecycle(found);
            }
        }

        var insert = _errors.InsertGroup;
        insert.Set(0, occurrence.Fingerprint.Value);
        insert.Set(1, ExceptionFingerprinter.Version);
        insert.Set(2, (int)occurrence.Fingerprint.Method);
        insert.Set(3, occurrence.Type);
        insert.Set(4, occurrence.Message);
        insert.Set(5, occurrence.Fingerprint.Culprit);
        insert.Set(6, occurrence.StackTrace);
        insert.Set(7, time);
        insert.Set(8, (int)occurrence.Severity);
        using var reader = insert.ExecuteReader();
        reader.Read();
        return ReadLifecycle(reader);
    }

    private static ErrorGroup ReadLifecycle(SqliteDataReader reader) =>
        new()
        {
            Id = reader.GetInt64(0),
            Count = reader.GetInt64(1),
            Status = (ErrorGroupStatus)reader.GetInt32(2),
            StatusChanged = reader.IsDBNull(3) ? null : UnixTime.FromNanoseconds(reader.GetInt64(3)),
            IsRegression = reader.GetInt64(4) != 0,
            ResolvedInNextRelease = reader.GetInt64(5) != 0,
            IgnoredUntil = reader.IsDBNull(6) ? null : UnixTime.FromNanoseconds(reader.GetInt64(6)),
            IgnoredUntilCount = reader.IsDBNull(7) ? null : reader.GetInt64(7),
        };
}
