using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Retention by age of the triage tables, the same rules as the SQLite engine's: error events and health results
/// (never a check's latest, which is the state `vigil health` shows) in chunks of one short transaction each; hourly
/// error counts once their hour has wholly passed the cutoff (groups and their totals stay); alert transitions and
/// notification attempts, then resolved or inactive instances with no history left. Firing and pending instances
/// always stay: the rule engine restores its <c>for</c> state from them. <see cref="ApplyRetentionAsync"/> calls it by age;
/// each statement commits by itself, so a chunk never holds locks for long.
/// </summary>
internal sealed partial class PostgreSqlStore
{
    // Each table, its age column and which rows may go at all. Our own constants, never user input.
    private static readonly (string Table, string TimeColumn, string Deletable)[] s_triageTables =
    [
        ("error_events", "time", "true"),
        ("health_results", "time", "id NOT IN (SELECT result_id FROM health_state)"),
        ("alert_transitions", "time", "true"),
        ("notification_attempts", "time", "true"),
    ];

    /// <summary>Deletes triage rows older than <paramref name="cutoff"/> (Unix nanoseconds).</summary>
    /// <returns>The error events and the health results deleted.</returns>
    private async Task<(long ErrorEvents, long HealthResults)> ApplyTriageRetentionAsync(long cutoff, int chunkSize, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = new long[s_triageTables.Length];
        for (var i = 0; i < s_triageTables.Length; i++)
        {
            var (table, time, deletable) = s_triageTables[i];
            var sql = $"DELETE FROM {table} WHERE id IN (SELECT id FROM {table} WHERE {time} < $1 AND {deletable} ORDER BY {time} LIMIT $2)";
            int count;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                count = await ExecuteTriageDeleteAsync(connection, sql, cancellationToken, cutoff, (long)chunkSize).ConfigureAwait(false);
                deleted[i] += count;
            }
            while (count == chunkSize);
        }

        await ExecuteTriageDeleteAsync(connection, "DELETE FROM error_hourly_counts WHERE hour + 3600000000000 <= $1", cancellationToken, cutoff).ConfigureAwait(false);
        await ExecuteTriageDeleteAsync(
            connection,
            "DELETE FROM alert_instances WHERE state IN (0, 3) AND last_evaluated < $1 " +
            "AND NOT EXISTS (SELECT 1 FROM alert_transitions t WHERE t.alert_id = alert_instances.id)",
            cancellationToken,
            cutoff).ConfigureAwait(false);
        return (deleted[0], deleted[1]);
    }

    private static async Task<int> ExecuteTriageDeleteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = PostgreSqlCommands.Create(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
