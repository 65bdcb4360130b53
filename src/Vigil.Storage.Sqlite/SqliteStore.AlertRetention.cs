using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Alert history under the store's age limit: transitions and notification attempts older than the cutoff go (in
/// chunks, like the signals), then instances that are resolved or inactive, were last evaluated before the cutoff and
/// have no history left. Firing and pending instances always stay: the rule engine restores its <c>for</c> state
/// from them. The size limit leaves alert history alone; it is small beside the telemetry it describes.
/// </summary>
internal sealed partial class SqliteStore
{
    private static readonly (string Table, string TimeColumn, string Deletable)[] s_alertHistory =
    [
        ("alert_transitions", "time", "1"),
        ("notification_attempts", "time", "1"),
    ];

    private async Task DeleteOldAlertHistoryAsync(long cutoff, int chunkSize, CancellationToken cancellationToken)
    {
        foreach (var table in s_alertHistory)
        {
            int count;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                count = await WriteTransactionAsync(
                    (connection, transaction) => DeleteOldest(connection, transaction, table, cutoff, chunkSize),
                    cancellationToken).ConfigureAwait(false);
            }
            while (count == chunkSize);
        }

        await WriteTransactionAsync((connection, transaction) => DeleteFinishedAlerts(connection, transaction, cutoff), cancellationToken).ConfigureAwait(false);
    }

    private static int DeleteFinishedAlerts(SqliteConnection connection, SqliteTransaction transaction, long cutoff)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "DELETE FROM alert_instances WHERE state IN (0, 3) AND last_evaluated < @cutoff " +
            "AND NOT EXISTS (SELECT 1 FROM alert_transitions t WHERE t.alert_id = alert_instances.id);";
        command.Parameters.AddWithValue("@cutoff", cutoff);
        return command.ExecuteNonQuery();
    }
}
