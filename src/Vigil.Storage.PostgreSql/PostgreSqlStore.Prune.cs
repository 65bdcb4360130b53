using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Metric series with no point left go after each retention pass. Each record keeps its resource inside its own row
/// (TelemetryJson), so there is no resource table to prune here.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    /// <summary>
    /// Two statements in one transaction: the first locks the pointless series, skipping any a writer's upsert holds
    /// (that writer is adding points to it); the second, with a snapshot taken once those locks are held, sees every
    /// point committed before them and deletes only series that still have none. A writer that comes later waits for
    /// the delete, then makes its series anew.
    /// </summary>
    private static async Task<long> PruneSeriesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<long>();
        await using (var select = new NpgsqlCommand(
            "SELECT id FROM metric_series s WHERE NOT EXISTS (SELECT 1 FROM metric_points p WHERE p.series_id = s.id) FOR UPDATE SKIP LOCKED",
            connection, transaction))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        long deleted = 0;
        if (ids.Count > 0)
        {
            await using var delete = new NpgsqlCommand(
                "DELETE FROM metric_series s WHERE s.id = ANY(@ids) AND NOT EXISTS (SELECT 1 FROM metric_points p WHERE p.series_id = s.id)",
                connection, transaction);
            delete.Parameters.AddWithValue("ids", ids.ToArray());
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }
}
