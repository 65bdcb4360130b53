using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Error groups: listing, one group's history, and triage.</summary>
internal sealed partial class SqliteStore
{
    /// <summary>The most hours of counts <see cref="GetErrorGroupAsync"/> gives: a year.</summary>
    internal const int MaxErrorHours = 24 * 366;

    /// <summary>The most events <see cref="GetErrorGroupAsync"/> gives.</summary>
    internal const int MaxLatestErrorEvents = 10_000;

    private const string ErrorGroupColumns =
        "id, fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, count, " +
        "base_severity, status, status_changed, is_regression, resolved_in_next_release, ignored_until, ignored_until_count";

    // A list carries summaries: stack traces can run to megabytes each (9 groups once came to 122 MB), and come by id.
    private static readonly string s_errorGroupListColumns = ErrorGroupColumns.Replace(" stacktrace,", " NULL,", StringComparison.Ordinal);

    private const string ErrorEventColumns =
        "id, group_id, time, source, trace_id, span_id, service_name, release, type, message, stacktrace";

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        return ReadAsync<IReadOnlyList<ErrorGroup>>(connection => QueryErrorGroups(connection, query, _clock.GetUtcNow()), cancellationToken);
    }

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxErrorHours);
        ArgumentOutOfRangeException.ThrowIfNegative(latestEvents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latestEvents, MaxLatestErrorEvents);
        return ReadAsync(connection => GetErrorGroup(connection, id, hours, latestEvents, _clock.GetUtcNow()), cancellationToken);
    }

    public async Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default)
    {
        ErrorLifecycle.Validate(change);
        ThrowIfDisposed();
        var now = _clock.GetUtcNow();
        var changed = await WriteTransactionAsync(
            (connection, transaction) => UpdateErrorGroupStatus(connection, transaction, id, change, now),
            cancellationToken).ConfigureAwait(false);
        return changed ? await ReadAsync(connection => ReadErrorGroup(connection, id, now), cancellationToken).ConfigureAwait(false) : null;
    }

    private List<ErrorGroup> QueryErrorGroups(SqliteConnection connection, ErrorGroupQuery query, DateTimeOffset now)
    {
        var sql = new SqlBuilder();
        if (query.ServiceName is not null)
        {
            sql.Add("id IN (SELECT group_id FROM error_group_services WHERE service_name = {0})", query.ServiceName);
        }

        if (query.From is { } from)
        {
            sql.Add("last_seen >= {0}", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            sql.Add("first_seen < {0}", UnixTime.ToNanoseconds(to));
        }

        if (query.Status is { } status)
        {
            sql.Add("status = {0}", (int)status);
        }

        // The severity filter is on the severity now, spikes included, which only the rows can tell: read in order
        // and stop at the limit. Without it the database applies the limit. A spike raises one step, so groups more
        // than one step below the minimum never qualify.
        if (query.MinimumSeverity is { } minimumSeverity)
        {
            sql.Add("base_severity >= {0}", (int)minimumSeverity - 1);
        }

        var limit = query.MinimumSeverity is null ? " LIMIT " + sql.AddParameter(query.Limit) : string.Empty;
        using var command = sql.CreateCommand(connection, $"SELECT {s_errorGroupListColumns} FROM error_groups{sql.Where} ORDER BY last_seen DESC, id DESC{limit};");
        var rows = new List<ErrorGroup>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(ReadErrorGroupRow(reader));
            }
        }

        var groups = new List<ErrorGroup>();
        foreach (var row in rows)
        {
            var group = WithSpike(connection, row, now);
            if (query.MinimumSeverity is not { } minimum || group.Severity >= minimum)
            {
                groups.Add(WithServicesAndReleases(connection, group));
                if (groups.Count == query.Limit)
                {
                    break;
                }
            }
        }

        return groups;
    }

    private ErrorGroupDetail? GetErrorGroup(SqliteConnection connection, long id, int hours, int latestEvents, DateTimeOffset now)
    {
        var group = ReadErrorGroup(connection, id, now);
        if (group is null)
        {
            return null;
        }

        return new ErrorGroupDetail
        {
            Group = group,
            HourlyCounts = ReadHourlyCounts(connection, id, hours, now),
            LatestEvents = ReadLatestErrorEvents(connection, id, latestEvents),
        };
    }

    private ErrorGroup? ReadErrorGroup(SqliteConnection connection, long id, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ErrorGroupColumns} FROM error_groups WHERE id = @id;";
        command.Parameters.AddWithValue("@id", id);
        ErrorGroup row;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            row = ReadErrorGroupRow(reader);
        }

        return WithServicesAndReleases(connection, WithSpike(connection, row, now));
    }

    private static bool UpdateErrorGroupStatus(SqliteConnection connection, SqliteTransaction transaction, long id, ErrorStatusChange change, DateTimeOffset now)
    {
        long count;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT count FROM error_groups WHERE id = @id;";
            read.Parameters.AddWithValue("@id", id);
            if (read.ExecuteScalar() is not long value)
            {
                return false;
            }

            count = value;
        }

        var updated = ErrorLifecycle.OnChange(new ErrorGroup { Id = id, Count = count }, change, now);
        using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText =
            "UPDATE error_groups SET status = @status, status_changed = @changed, is_regression = 0, resolved_in_next_release = @nextRelease, " +
            "ignored_until = @until, ignored_until_count = @untilCount WHERE id = @id;";
        update.Parameters.AddWithValue("@status", (int)updated.Status);
        update.Parameters.AddWithValue("@changed", UnixTime.ToNanoseconds(now));
        update.Parameters.AddWithValue("@nextRelease", updated.ResolvedInNextRelease ? 1 : 0);
        update.Parameters.AddWithValue("@until", updated.IgnoredUntil is { } until ? UnixTime.ToNanoseconds(until) : DBNull.Value);
        update.Parameters.AddWithValue("@untilCount", updated.IgnoredUntilCount is { } untilCount ? untilCount : DBNull.Value);
        update.Parameters.AddWithValue("@id", id);
        update.ExecuteNonQuery();
        return true;
    }
}
