using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>
/// The notifier as the server runs it, on a real SQLite store and real webhook receivers on 127.0.0.1: what it reads
/// from the store (silences, acknowledgements), what it records there (every attempt, every suppression), and that a
/// slow or dead channel never holds up another.
/// </summary>
public sealed partial class NotificationServiceTests : IAsyncLifetime, IDisposable
{
    private static readonly Uri s_query = new("http://127.0.0.1:4320/");
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Some.Start);
    private readonly NotificationStatistics _statistics = new();
    private ITelemetryStore _store = null!;

    public Task InitializeAsync()
    {
        _store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private NotificationService Service(AlertingSection section, TimeProvider? time = null, ILeaderElection? leader = null) => NotificationServices.Create(
        Some.Compile(section),
        _store,
        new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1)),
        () => s_query,
        _statistics,
        time ?? _time,
        NullLoggerFactory.Instance,
        EmptyServices.Instance,
        leader: leader);

    private async Task<AlertInstance> SaveAsync(AlertInstance alert) => (await _store.SaveAlertsAsync([alert]))[0];

    private Task<IReadOnlyList<NotificationAttempt>> AttemptsAsync(long alertId) => _store.QueryNotificationsAsync(new AlertHistoryQuery { AlertId = alertId });

    private int DeliveredEscalations(long alertId) =>
        AttemptsAsync(alertId).Result.Count(a => a.Kind == NotificationKind.Escalation && a.Outcome == NotificationOutcome.Delivered);

    [Fact]
    public async Task Turn_FiringAlert_DeliversWithLinksAndRecordsTheAttempt()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops", receiver.Url.ToString()));
        var service = Service(section);
        var alert = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")));

        await service.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await service.TurnAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => receiver.Payloads.Count == 1, "the webhook received the notification");
        var links = receiver.Payloads[0].RootElement.GetProperty("alerts")[0].GetProperty("vigil").GetProperty("links");
        Assert.Equal($"http://127.0.0.1:4320/api/alerts/{alert.Id}", links.GetProperty("alert").GetString());
        Assert.StartsWith($"http://127.0.0.1:4320/api/alerts/{alert.Id}/ack-link?expires=", links.GetProperty("acknowledge").GetString(), StringComparison.Ordinal);
        var attempt = await Eventually.WaitForAsync(() => AttemptsAsync(alert.Id).Result.SingleOrDefault(), "the attempt is recorded");
        Assert.Equal(("ops", NotificationOutcome.Delivered, 1, NotificationKind.Firing), (attempt.Channel, attempt.Outcome, attempt.Attempt, attempt.Kind));
        Assert.Equal([alert.Id], attempt.AlertIds);
        Assert.Equal([new NotificationDeliveryCount("ops", NotificationOutcome.Delivered, 1)], _statistics.Snapshot());
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Restart_AlertToldBeforeIt_IsNotToldAgainAndRemindedOnTheOldSchedule()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops", receiver.Url.ToString()));
        var told = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")));

        // First lifetime: the alert is told once, and the attempt recorded in the store file.
        var first = Service(section);
        await first.PublishAsync([told]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await first.TurnAsync(CancellationToken.None);
        var sent = await Eventually.WaitForAsync(() => AttemptsAsync(told.Id).Result.SingleOrDefault(), "the first lifetime's attempt is recorded");
        await first.StopAsync(CancellationToken.None);
        first.Dispose();

        // Second lifetime, on the same file opened again: the rule engine hands over the still-firing alert (as it does
        // after restoring its instances) and a new one, the control, which must be told.
        await _store.DisposeAsync();
        _store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"));
        var second = Service(section);
        var fresh = await SaveAsync(Some.Firing("SlowCheckout", _time.GetUtcNow(), labels: ("service", "shop")));
        await second.PublishAsync([(await _store.GetAlertAsync(told.Id))!, fresh]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        var afterRestart = await second.TurnAsync(CancellationToken.None);

        var only = Assert.Single(afterRestart.Deliveries);
        Assert.Equal((NotificationKind.Firing, fresh.Id), (only.Notification.Kind, Assert.Single(only.Notification.Alerts).Alert.Id));

        // The repeat interval runs from the delivery before the restart, not from the restart.
        _time.Advance(sent.At + NotificationRouteOptions.DefaultRepeatInterval - _time.GetUtcNow() - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain((await second.TurnAsync(CancellationToken.None)).Deliveries, d => d.Notification.Alerts.Any(a => a.Alert.Id == told.Id));
        _time.Advance(NotificationRouteOptions.DefaultGroupInterval);
        var reminder = Assert.Single((await second.TurnAsync(CancellationToken.None)).Deliveries, d => d.Notification.Alerts.Any(a => a.Alert.Id == told.Id));
        Assert.Equal(NotificationKind.Reminder, reminder.Notification.Kind);
        await second.StopAsync(CancellationToken.None);
        second.Dispose();
    }

    [Theory]
    [InlineData(1, 1)] // restarted after the first cycle: the one repeat left is sent, then no more
    [InlineData(2, 0)] // restarted after the repeat: the policy had finished and stays finished
    public async Task Restart_EscalationThatRepeats_KeepsCountingItsCycles(int cyclesBefore, int cyclesAfter)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("oncall", receiver.Url.ToString()));
        section.Route.Escalation = "page";
        var policy = new EscalationPolicyOptions { Name = "page", Repeat = 1, RepeatDelay = TimeSpan.FromMinutes(10) };
        var level = new EscalationLevelOptions();
        level.Channels.Add("oncall");
        policy.Levels.Add(level);
        section.Escalations.Add(policy);
        var alert = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")));

        // First lifetime: the policy's cycles told before the restart, each recorded in the store file.
        var first = Service(section);
        await first.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        var escalations = 0;
        for (var cycle = 0; cycle < cyclesBefore; cycle++)
        {
            escalations += (await first.TurnAsync(CancellationToken.None)).Deliveries.Count(d => d.Notification.Kind == NotificationKind.Escalation);
            // Each delivery recorded before the clock moves on, so no delivery of this lifetime is still on its way.
            await Eventually.TrueAsync(() => receiver.Payloads.Count == cycle + 1, $"cycle {cycle + 1} reached the receiver");
            await Eventually.TrueAsync(() => DeliveredEscalations(alert.Id) == cycle + 1, $"cycle {cycle + 1} is recorded");
            _time.Advance(policy.RepeatDelay.Value);
        }

        Assert.Equal(cyclesBefore, escalations);
        await first.StopAsync(CancellationToken.None);
        first.Dispose();

        // Second lifetime on the same file: over three more repeat delays, only what the policy has left is told.
        await _store.DisposeAsync();
        _store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"));
        var second = Service(section);
        await second.PublishAsync([(await _store.GetAlertAsync(alert.Id))!]);
        var after = 0;
        for (var turn = 0; turn < 3; turn++)
        {
            after += (await second.TurnAsync(CancellationToken.None)).Deliveries.Count(d => d.Notification.Kind == NotificationKind.Escalation);
            // As above: a delivery still on its way when the clock jumps ten minutes would time out on the fake clock.
            await Eventually.TrueAsync(() => DeliveredEscalations(alert.Id) == cyclesBefore + after, $"turn {turn + 1}'s deliveries are recorded");
            _time.Advance(policy.RepeatDelay.Value);
        }

        Assert.Equal(cyclesAfter, after);
        await Eventually.TrueAsync(() => DeliveredEscalations(alert.Id) == 1 + policy.Repeat, "the store holds one delivery per cycle: the first and its one repeat");
        Assert.Equal(1 + policy.Repeat, receiver.Payloads.Count(p => p.RootElement.GetProperty("vigil").GetProperty("kind").GetString() == "escalation"));
        await second.StopAsync(CancellationToken.None);
        second.Dispose();
    }

    [Fact]
    public async Task Turn_SilenceInTheStore_RecordsSuppressedWithWhy()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops", receiver.Url.ToString()));
        var service = Service(section);
        var alert = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")));
        var silence = await _store.CreateSilenceAsync(new Silence { Matchers = [Some.Matcher("service=shop")], StartsAt = Some.Start, EndsAt = Some.Start + TimeSpan.FromHours(2), CreatedBy = "ana", Comment = "deploy", CreatedAt = Some.Start });

        await service.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        var turn = await service.TurnAsync(CancellationToken.None);

        Assert.Empty(turn.Deliveries);
        var attempt = Assert.Single(await AttemptsAsync(alert.Id));
        Assert.Equal(NotificationOutcome.Suppressed, attempt.Outcome);
        Assert.Equal($"silence {silence.Id} (deploy)", attempt.Detail);
        Assert.Equal(0, receiver.Requests);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Turn_AcknowledgedInTheStore_StopsEscalation()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("oncall"));
        section.Channels.Add(Some.Webhook("manager"));
        section.Route.Escalation = "page";
        var policy = new EscalationPolicyOptions { Name = "page" };
        var first = new EscalationLevelOptions();
        first.Channels.Add("oncall");
        var second = new EscalationLevelOptions { Delay = TimeSpan.FromMinutes(10) };
        second.Channels.Add("manager");
        policy.Levels.Add(first);
        policy.Levels.Add(second);
        section.Escalations.Add(policy);

        // Two groups, one acknowledged (through the store, as `vigil alerts ack` does), one not: a control in the same run.
        section.Route.GroupBy = ["service"];
        var service = Service(section);
        var acked = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "shop")));
        var open = await SaveAsync(Some.Firing("HighErrors", Some.Start, labels: ("service", "cart")));
        await service.PublishAsync([acked, open]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        var firstTurn = await service.TurnAsync(CancellationToken.None);
        Assert.Equal(2, firstTurn.Deliveries.Count(d => d.Notification.EscalationLevel == 1));

        await _store.AcknowledgeAlertAsync(acked.Id, new AlertAcknowledgement { By = "ana", At = _time.GetUtcNow() });
        _time.Advance(TimeSpan.FromMinutes(10));
        var secondTurn = await service.TurnAsync(CancellationToken.None);

        var escalated = Assert.Single(secondTurn.Deliveries, d => d.Notification.Kind == NotificationKind.Escalation);
        Assert.Equal(("manager", 2), (escalated.Channel, escalated.Notification.EscalationLevel));
        Assert.Equal([open.Id], escalated.Notification.Alerts.Select(a => a.Alert.Id));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Delivery_SlowAndDeadChannels_NeverDelayAnother()
    {
        await using var slow = await RecordingReceiver.StartAsync();
        await using var failing = await RecordingReceiver.StartAsync();
        await using var fast = await RecordingReceiver.StartAsync();
        slow.Hold();
        failing.Answer(500);
        failing.Answer(500);
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("slow", slow.Url.ToString()));
        section.Channels.Add(Some.Webhook("dead", WebhookChannelTests.DeadAddress().ToString()));
        section.Channels.Add(Some.Webhook("failing", failing.Url.ToString()));
        section.Channels.Add(Some.Webhook("fast", fast.Url.ToString()));
        foreach (var channel in section.Channels)
        {
            channel.MaxAttempts = 3;
            channel.RetryDelay = TimeSpan.FromMilliseconds(10);
        }

        section.Route.GroupWait = TimeSpan.FromMilliseconds(1);

        // The real clock here: retries and the slow receiver play out in real time; nothing asserts how long they take.
        var service = Service(section, TimeProvider.System);
        var alert = await SaveAsync(Some.Firing("HighErrors", DateTimeOffset.UtcNow));
        await service.PublishAsync([alert]);
        await Task.Delay(TimeSpan.FromMilliseconds(20));
        Assert.Equal(4, (await service.TurnAsync(CancellationToken.None)).Deliveries.Count);

        await Eventually.TrueAsync(() => fast.Payloads.Count == 1 && failing.Payloads.Count == 1, "the fast and the failing receivers got it");
        Assert.Equal(1, slow.Waiting);
        var dead = await Eventually.WaitForAsync(() => AttemptsAsync(alert.Id).Result.Where(a => a.Channel == "dead").ToList() is { Count: 3 } all ? all : null, "three attempts to the dead receiver");
        Assert.All(dead, a => Assert.Equal(NotificationOutcome.Failed, a.Outcome));
        Assert.Equal([1, 2, 3], dead.Select(a => a.Attempt).Order());
        Assert.All(dead, a => Assert.Contains("could not be reached", a.Detail, StringComparison.Ordinal));
        // The receiver has the payload before the service records the answer, so the third attempt is awaited too.
        var failed = await Eventually.WaitForAsync(() => AttemptsAsync(alert.Id).Result.Where(a => a.Channel == "failing").OrderBy(a => a.Attempt).ToList() is { Count: 3 } all ? all : null, "three attempts to the failing receiver recorded");
        Assert.Equal([NotificationOutcome.Failed, NotificationOutcome.Failed, NotificationOutcome.Delivered], failed.Select(a => a.Outcome));
        Assert.Equal(3, failing.Requests);

        slow.Open();
        await Eventually.TrueAsync(() => slow.Payloads.Count == 1, "the slow receiver got it once it answered");
        var counts = _statistics.Snapshot();
        Assert.Contains(new NotificationDeliveryCount("dead", NotificationOutcome.Failed, 3), counts);
        Assert.Contains(new NotificationDeliveryCount("failing", NotificationOutcome.Failed, 2), counts);
        Assert.Contains(new NotificationDeliveryCount("failing", NotificationOutcome.Delivered, 1), counts);
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Delivery_ReceiverSlowerThanTheTimeout_CountsAsFailedAndRetries()
    {
        await using var slow = await RecordingReceiver.StartAsync();
        slow.Hold();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("slow", slow.Url.ToString()));
        section.Channels[0].Timeout = TimeSpan.FromMilliseconds(100);
        section.Channels[0].MaxAttempts = 2;
        section.Channels[0].RetryDelay = TimeSpan.FromMilliseconds(10);
        section.Route.GroupWait = TimeSpan.FromMilliseconds(1);
        var service = Service(section, TimeProvider.System);
        var alert = await SaveAsync(Some.Firing("HighErrors", DateTimeOffset.UtcNow));
        await service.PublishAsync([alert]);
        await Task.Delay(TimeSpan.FromMilliseconds(20));
        await service.TurnAsync(CancellationToken.None);

        var attempts = await Eventually.WaitForAsync(() => AttemptsAsync(alert.Id).Result is { Count: 2 } all ? all : null, "two timed-out attempts");
        Assert.All(attempts, a => Assert.Equal("no answer within the timeout of 0.1s", a.Detail));
        Assert.Equal(2, slow.Requests);
        await service.StopAsync(CancellationToken.None);
    }
}
