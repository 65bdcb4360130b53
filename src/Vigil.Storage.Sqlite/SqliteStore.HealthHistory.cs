using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Health history: each check's newest results of a time range, in one statement. The checks come from
/// <c>health_state</c> (one row each, in key order); each check's results from a correlated, limited subquery that
/// walks <c>ix_health_results_check_time</c> (kind, service_name, name, time, and the rowid) backwards from the
/// range's end, so a check costs its limit, however many results it has.
/// </summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PerCheck, 1, nameof(query));
        return ReadAsync(connection => QueryHealthHistory(connection, query), cancellationToken);
    }

    private static IReadOnlyList<HealthHistory> QueryHealthHistory(SqliteConnection connection, HealthHistoryQuery query)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {HealthHistoryRows.SelectList("r")} " +
            "FROM health_state s JOIN health_results r ON r.id IN (" +
            "SELECT h.id FROM health_results h " +
            "WHERE h.kind = s.kind AND h.service_name = s.service_name AND h.name = s.name AND h.time >= @from AND h.time < @to " +
            "ORDER BY h.time DESC, h.id DESC LIMIT @limit) " +
            "WHERE (@kind IS NULL OR s.kind = @kind) AND (@service IS NULL OR s.service_name = @service) AND (@name IS NULL OR s.name = @name) " +
            "ORDER BY s.kind, s.service_name, s.name, r.time DESC, r.id DESC;";
        command.Parameters.AddWithValue("@from", query.From is { } from ? UnixTime.ToNanoseconds(from) : long.MinValue);
        command.Parameters.AddWithValue("@to", query.To is { } to ? UnixTime.ToNanoseconds(to) : long.MaxValue);
        command.Parameters.AddWithValue("@limit", query.PerCheck);
        command.Parameters.AddWithValue("@kind", query.Kind is { } kind ? (int)kind : DBNull.Value);
        command.Parameters.AddWithValue("@service", (object?)query.ServiceName ?? DBNull.Value);
        command.Parameters.AddWithValue("@name", (object?)query.Name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var rows = new HealthHistoryRows();
        while (reader.Read())
        {
            rows.Add(reader);
        }

        return rows.Histories;
    }
}
