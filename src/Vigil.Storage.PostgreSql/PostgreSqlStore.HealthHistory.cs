using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Health history (ITriageStore): each check's newest results of a time range, in one statement. The checks come from
/// <c>health_state</c>; each check's results from a LATERAL subquery limited per check, which scans
/// <c>ix_health_results_check_time</c> (kind, service_name, name, time) backwards from the range's end, so a check
/// costs its limit, however many results it has.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PerCheck, 1, nameof(query));
        return ReadTriageAsync<IReadOnlyList<HealthHistory>>(
            async (connection, token) =>
            {
                var filter = new PostgreSqlFilter();
                var from = filter.AddParameter(query.From is { } start ? UnixTime.ToNanoseconds(start) : long.MinValue);
                var to = filter.AddParameter(query.To is { } end ? UnixTime.ToNanoseconds(end) : long.MaxValue);
                var limit = filter.AddParameter(query.PerCheck);
                if (query.Kind is { } kind)
                {
                    filter.Add("s.kind = {0}", (int)kind);
                }

                if (query.ServiceName is not null)
                {
                    filter.Add("s.service_name = {0}", query.ServiceName);
                }

                if (query.Name is not null)
                {
                    filter.Add("s.name = {0}", query.Name);
                }

                // COLLATE "C": the same byte order as SQLite's, whatever the database's collation.
                await using var command = filter.CreateCommand(
                    connection,
                    $"SELECT {HealthHistoryRows.SelectList("r")} FROM health_state s CROSS JOIN LATERAL (" +
                    $"SELECT h.id, {HealthHistoryRows.SelectList("h")} FROM health_results h " +
                    $"WHERE h.kind = s.kind AND h.service_name = s.service_name AND h.name = s.name AND h.time >= {from} AND h.time < {to} " +
                    $"ORDER BY h.time DESC, h.id DESC LIMIT {limit}) r{filter.Where} " +
                    "ORDER BY s.kind, s.service_name COLLATE \"C\", s.name COLLATE \"C\", r.time DESC, r.id DESC");
                await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                var rows = new HealthHistoryRows();
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    rows.Add(reader);
                }

                return rows.Histories;
            },
            cancellationToken);
    }
}
