using Microsoft.Data.Sqlite;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;
using Vigil.Storage.Sqlite;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>
/// The window fencing cannot close: a leader killed after the receiver answered but before the attempt was recorded.
/// The new leader finds the alert untold and sends it again, and the receiver must be able to tell the repeat from a
/// new message: the same <c>Idempotency-Key</c> for the same message, another for the next one. The kill is made by
/// deleting the last recorded attempt from the real store file between the two lifetimes, which leaves the store
/// exactly as that kill would.
/// </summary>
public sealed partial class NotificationServiceTests
{
    [Fact]
    public async Task Restart_SentButNeverRecorded_SentAgainWithTheSameKeyAndTheNextMessageWithAnother()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var (section, alert) = await OneWebhookAndAlertAsync(receiver);

        // First lifetime: the firing notice goes out, then its record is lost with the process.
        var first = Service(section);
        await first.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await first.TurnAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => AttemptsAsync(alert.Id).Result.Count == 1, "the first lifetime's attempt is recorded");
        await first.StopAsync(CancellationToken.None);
        first.Dispose();
        await ForgetLastAttemptAsync();

        // Second lifetime: the same message again, then (after the repeat interval) a reminder, which is a new one.
        var second = await RestartAsync(section, alert);
        await Eventually.TrueAsync(() => AttemptsAsync(alert.Id).Result.Count == 1, "the resend is recorded");
        _time.Advance(NotificationRouteOptions.DefaultRepeatInterval);
        await second.TurnAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => receiver.Payloads.Count == 3, "the reminder arrived");
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        var kinds = receiver.Payloads.Select(p => p.RootElement.GetProperty("vigil").GetProperty("kind").GetString()).ToList();
        Assert.Equal([NotificationKind.Firing, NotificationKind.Firing, NotificationKind.Reminder], kinds);
        var keys = HeaderKeys(receiver);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
        Assert.Equal(keys, BodyKeys(receiver));
    }

    [Fact]
    public async Task Restart_ReminderSentButNeverRecorded_TheResentReminderKeepsItsKey()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var (section, alert) = await OneWebhookAndAlertAsync(receiver);

        // First lifetime: the firing notice, the first reminder and the second, whose record is lost.
        var first = Service(section);
        await first.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        for (var sent = 1; sent <= 3; sent++)
        {
            await first.TurnAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => AttemptsAsync(alert.Id).Result.Count == sent, $"message {sent} is recorded");
            _time.Advance(NotificationRouteOptions.DefaultRepeatInterval);
        }

        await first.StopAsync(CancellationToken.None);
        first.Dispose();
        await ForgetLastAttemptAsync();

        // Second lifetime: the lost reminder is due again (its predecessor's record is the last), and goes once.
        var second = await RestartAsync(section, alert);
        await Eventually.TrueAsync(() => AttemptsAsync(alert.Id).Result.Count == 3, "the resent reminder is recorded");
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        var keys = HeaderKeys(receiver);
        Assert.Equal(4, keys.Count);
        Assert.Equal(3, keys.Take(3).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(keys[2], keys[3]);
    }

    [Fact]
    public void Key_DiffersForEveryOtherMessageAndIgnoresWhenItWasMade()
    {
        var alert = Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")) with { Id = 7 };
        var firing = new Notification { Receiver = "ops", GroupKey = "0:{}", Kind = NotificationKind.Firing, Alerts = [new NotifiedAlert(alert, NotificationLinks.None)], At = Some.Start };
        var acknowledged = alert with { Acknowledgement = new AlertAcknowledgement { By = "ana", At = Some.Start.AddMinutes(3) } };
        var resolved = alert with { State = AlertState.Resolved, ResolvedAt = Some.Start.AddMinutes(9) };

        Assert.Equal(32, firing.Key.Length);
        Assert.Equal(firing.Key, (firing with { At = Some.Start.AddHours(1), ExternalUrl = new Uri("http://127.0.0.1:1/") }).Key);
        string[] others =
        [
            firing.Key,
            (firing with { Receiver = "pager" }).Key,
            (firing with { GroupKey = "0:{service=\"shop\"}" }).Key,
            (firing with { Kind = NotificationKind.Reminder }).Key,
            (firing with { Kind = NotificationKind.Reminder, Round = 1 }).Key,
            (firing with { Kind = NotificationKind.Escalation, EscalationLevel = 1 }).Key,
            (firing with { Kind = NotificationKind.Escalation, EscalationLevel = 2 }).Key,
            (firing with { Kind = NotificationKind.Escalation, EscalationLevel = 1, Round = 1 }).Key,
            (firing with { Alerts = [new NotifiedAlert(acknowledged, NotificationLinks.None)] }).Key,
            (firing with { Alerts = [new NotifiedAlert(resolved, NotificationLinks.None)] }).Key,
            (firing with { Alerts = [new NotifiedAlert(alert with { Id = 8 }, NotificationLinks.None)] }).Key,
            (firing with { Alerts = [new NotifiedAlert(alert with { FiredAt = Some.Start.AddDays(1) }, NotificationLinks.None)] }).Key,
        ];
        Assert.Equal(others.Length, others.Distinct(StringComparer.Ordinal).Count());

        // Test notifications are each a new message.
        var test = firing with { Kind = NotificationKind.Test };
        Assert.NotEqual(test.Key, (test with { At = Some.Start.AddSeconds(1) }).Key);
    }

    private async Task<(AlertingSection Section, AlertInstance Alert)> OneWebhookAndAlertAsync(RecordingReceiver receiver)
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops", receiver.Url.ToString()));
        return (section, await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop"))));
    }

    // The next lifetime: a notifier on the store as the last one left it, handed the still-firing alert, one group wait on.
    private async Task<NotificationService> RestartAsync(AlertingSection section, AlertInstance alert)
    {
        var service = Service(section);
        await service.PublishAsync([(await _store.GetAlertAsync(alert.Id))!]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await service.TurnAsync(CancellationToken.None);
        return service;
    }

    private static List<string> HeaderKeys(RecordingReceiver receiver) =>
        [.. receiver.Headers.Select(h => h["Idempotency-Key"].Trim('"'))];

    private static List<string> BodyKeys(RecordingReceiver receiver) =>
        [.. receiver.Payloads.Select(p => p.RootElement.GetProperty("vigil").GetProperty("key").GetString()!)];

    // What a kill between the receiver's answer and the record leaves behind: the store without the last attempt.
    private async Task ForgetLastAttemptAsync()
    {
        await _store.DisposeAsync();
        var file = _directory.Combine("vigil.db");
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var forget = connection.CreateCommand();
            forget.CommandText =
                "DELETE FROM notification_attempt_alerts WHERE attempt_id = (SELECT max(id) FROM notification_attempts);" +
                "DELETE FROM notification_attempts WHERE id = (SELECT max(id) FROM notification_attempts);";
            Assert.Equal(2, await forget.ExecuteNonQueryAsync());
        }

        _store = SqliteTelemetryStore.Open(file);
    }
}
