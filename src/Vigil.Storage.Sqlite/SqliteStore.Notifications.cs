using Microsoft.Data.Sqlite;
using Vigil.Model;

namespace Vigil.Storage.Sqlite;

/// <summary>Notification attempts (IAlertStateStore.RecordNotificationAsync): one row, and one row per alert it carried.</summary>
internal sealed partial class SqliteStore
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

        ThrowIfDisposed();
        var alertIds = attempt.AlertIds.Distinct().Order().ToArray();
        var at = attempt.At == default ? _clock.GetUtcNow() : attempt.At;
        var id = await WriteTransactionAsync(
            (connection, transaction) =>
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText =
                    "INSERT INTO notification_attempts (channel, group_key, kind, escalation_level, attempt, time, outcome, detail) " +
                    "VALUES (@channel, @group, @kind, @level, @attempt, @time, @outcome, @detail) RETURNING id;";
                insert.Parameters.AddWithValue("@channel", attempt.Channel);
                insert.Parameters.AddWithValue("@group", attempt.GroupKey ?? string.Empty);
                insert.Parameters.AddWithValue("@kind", attempt.Kind);
                insert.Parameters.AddWithValue("@level", (object?)attempt.EscalationLevel ?? DBNull.Value);
                insert.Parameters.AddWithValue("@attempt", attempt.Attempt);
                insert.Parameters.AddWithValue("@time", UnixTime.ToNanoseconds(at));
                insert.Parameters.AddWithValue("@outcome", (int)attempt.Outcome);
                insert.Parameters.AddWithValue("@detail", (object?)attempt.Detail ?? DBNull.Value);
                var attemptId = (long)insert.ExecuteScalar()!;

                using var alert = connection.CreateCommand();
                alert.Transaction = transaction;
                alert.CommandText = "INSERT INTO notification_attempt_alerts (attempt_id, alert_id) VALUES (@attempt, @alert);";
                alert.Parameters.AddWithValue("@attempt", attemptId);
                var alertParameter = alert.Parameters.Add("@alert", SqliteType.Integer);
                foreach (var alertId in alertIds)
                {
                    alertParameter.Value = alertId;
                    alert.ExecuteNonQuery();
                }

                return attemptId;
            },
            cancellationToken).ConfigureAwait(false);
        return attempt with { Id = id, AlertIds = alertIds, At = at };
    }
}
