using Npgsql;
using Vigil.Model;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>Error groups (ITriageStore): listing, one group's history, and triage decisions; health is in .Health.cs.</summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>The most hours of counts <see cref="GetErrorGroupAsync"/> gives: a year, as the SQLite engine.</summary>
    internal const int MaxErrorHours = 24 * 366;

    /// <summary>The most events <see cref="GetErrorGroupAsync"/> gives.</summary>
    internal const int MaxLatestErrorEvents = 10_000;

    private const string ErrorGroupColumns =
        "id, fingerprint, grouping_version, method, type, message, culprit, stacktrace, first_seen, last_seen, count, " +
        "base_severity, status, status_changed, is_regression, resolved_in_next_release, ignored_until, ignored_until_count";

    // A list carries summaries: stack traces can run to megabytes each, and come by id.
    private static readonly string s_errorGroupListColumns = ErrorGroupColumns.Replace(" stacktrace,", " NULL::text,", StringComparison.Ordinal);

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        var now = _options.Clock.GetUtcNow();
        return ReadTriageAsync<IReadOnlyList<ErrorGroup>>((connection, token) => QueryErrorGroupsAsync(connection, query, now, token), cancellationToken);
    }

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, MaxErrorHours);
        ArgumentOutOfRangeException.ThrowIfNegative(latestEvents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(latestEvents, MaxLatestErrorEvents);
        var now = _options.Clock.GetUtcNow();
        return ReadTriageAsync(
            async (connection, token) => await ReadErrorGroupAsync(connection, id, now, token).ConfigureAwait(false) is { } group
                ? new ErrorGroupDetail
                {
                    Group = group,
                    HourlyCounts = await ReadHourlyCountsAsync(connection, id, hours, now, token).ConfigureAwait(false),
                    LatestEvents = await ReadLatestErrorEventsAsync(connection, id, latestEvents, token).ConfigureAwait(false),
                }
                : null,
            cancellationToken);
    }

    /// <summary>
    /// Applies a triage decision under the writers' triage lock (<see cref="PostgreSqlTriageTransaction"/>): the count
    /// it reads and the status it writes cannot interleave with a writer counting an event into the same group.
    /// </summary>
    public async Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default)
    {
        ErrorLifecycle.Validate(change);
        var now = _options.Clock.GetUtcNow();
        var changed = await WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                var triage = new PostgreSqlTriageTransaction(connection, transaction);
                long count;
                await using (var read = triage.Command("SELECT count FROM error_groups WHERE id = $1", id))
                {
                    if (await read.ExecuteScalarAsync(token).ConfigureAwait(false) is not long value)
                    {
                        return false;
                    }

                    count = value;
                }

                var updated = ErrorLifecycle.OnChange(new ErrorGroup { Id = id, Count = count }, change, now);
                await using var update = triage.Command(
                    "UPDATE error_groups SET status = $1, status_changed = $2, is_regression = false, resolved_in_next_release = $3, " +
                    "ignored_until = $4, ignored_until_count = $5 WHERE id = $6",
                    (int)updated.Status,
                    UnixTime.ToNanoseconds(now),
                    updated.ResolvedInNextRelease,
                    Time(updated.IgnoredUntil),
                    Int64(updated.IgnoredUntilCount),
                    id);
                await update.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return changed ? await ReadTriageAsync((connection, token) => ReadErrorGroupAsync(connection, id, now, token), cancellationToken).ConfigureAwait(false) : null;
    }

    private async Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(NpgsqlConnection connection, ErrorGroupQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = new PostgreSqlFilter();
        if (query.ServiceName is not null)
        {
            filter.Add("id IN (SELECT group_id FROM error_group_services WHERE service_name = {0})", query.ServiceName);
        }

        if (query.From is { } from)
        {
            filter.Add("last_seen >= {0}", UnixTime.ToNanoseconds(from));
        }

        if (query.To is { } to)
        {
            filter.Add("first_seen < {0}", UnixTime.ToNanoseconds(to));
        }

        if (query.Status is { } status)
        {
            filter.Add("status = {0}", (int)status);
        }

        // The severity filter is on the severity now, spikes included, which only the rows can tell: read in order
        // and stop at the limit. A spike raises one step, so groups more than one step below the minimum never qualify.
        if (query.MinimumSeverity is { } minimumSeverity)
        {
            filter.Add("base_severity >= {0}", (int)minimumSeverity - 1);
        }

        var limit = query.MinimumSeverity is null ? " LIMIT " + filter.AddParameter((long)query.Limit) : string.Empty;
        List<ErrorGroup> rows;
        await using (var command = filter.CreateCommand(connection, $"SELECT {s_errorGroupListColumns} FROM error_groups{filter.Where} ORDER BY last_seen DESC, id DESC{limit}"))
        {
            rows = await PostgreSqlRows.ReadAllAsync(command, ReadErrorGroupRow, cancellationToken).ConfigureAwait(false);
        }

        var groups = new List<ErrorGroup>();
        foreach (var row in rows)
        {
            var group = await WithSpikeAsync(connection, row, now, cancellationToken).ConfigureAwait(false);
            if (query.MinimumSeverity is not { } minimum || group.Severity >= minimum)
            {
                groups.Add(await WithServicesAndReleasesAsync(connection, group, cancellationToken).ConfigureAwait(false));
                if (groups.Count == query.Limit)
                {
                    break;
                }
            }
        }

        return groups;
    }

    private async Task<ErrorGroup?> ReadErrorGroupAsync(NpgsqlConnection connection, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<ErrorGroup> rows;
        await using (var command = PostgreSqlCommands.Create(connection, null, $"SELECT {ErrorGroupColumns} FROM error_groups WHERE id = $1", id))
        {
            rows = await PostgreSqlRows.ReadAllAsync(command, ReadErrorGroupRow, cancellationToken).ConfigureAwait(false);
        }

        return rows.Count == 0
            ? null
            : await WithServicesAndReleasesAsync(connection, await WithSpikeAsync(connection, rows[0], now, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}
