using Vigil.Model;
using static Vigil.Storage.PostgreSql.PostgreSqlCommands;

namespace Vigil.Storage.PostgreSql;

/// <summary>Notification attempts (IAlertStateStore.RecordNotificationAsync): one row, and one row per alert it carried.</summary>
internal sealed partial class PostgreSqlStore
{
    public async Task<NotificationAttempt> RecordNotificationAsync(NotificationAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(attempt.AlertIds, nameof(attempt));
        if (string.IsNullOrWhiteSpace(attempt.Channel))
        {
            throw new ArgumentException("A notification attempt needs the channel's name.", nameof(attempt));
        }

        if (string.IsNullOrWhiteSpace(attempt.Kind))
        {
            throw new ArgumentException("A notification attempt needs its kind (firing, resolved, escalation, reminder or test).", nameof(attempt));
        }

        var alertIds = attempt.AlertIds.Distinct().Order().ToArray();
        var at = attempt.At == default ? _options.Clock.GetUtcNow() : attempt.At;
        var id = await WriteTriageAsync(
            async (connection, transaction, token) =>
            {
                long attemptId;
                await using (var insert = Create(
                    connection,
                    transaction,
                    "INSERT INTO notification_attempts (channel, group_key, kind, escalation_level, attempt, time, outcome, detail) " +
                    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    attempt.Channel,
                    attempt.GroupKey ?? string.Empty,
                    attempt.Kind,
                    Int64(attempt.EscalationLevel),
                    attempt.Attempt,
                    UnixTime.ToNanoseconds(at),
                    (int)attempt.Outcome,
                    Text(attempt.Detail)))
                {
                    attemptId = (long)(await insert.ExecuteScalarAsync(token).ConfigureAwait(false))!;
                }

                // One statement for the whole alert list.
                await using var alerts = Create(
                    connection, transaction, "INSERT INTO notification_attempt_alerts (attempt_id, alert_id) SELECT $1, unnest($2::bigint[])", attemptId, alertIds);
                await alerts.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                return attemptId;
            },
            cancellationToken).ConfigureAwait(false);
        return attempt with { Id = id, AlertIds = alertIds, At = at };
    }
}
