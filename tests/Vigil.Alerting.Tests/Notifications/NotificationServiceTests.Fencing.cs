using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>
/// The fence before each send: a notifier whose leadership the store no longer confirms sends nothing from its queue,
/// records why, and the next leader (another notifier on the same real SQLite store) sends the alert once. The
/// election is a switch here (the seam under test); the real PostgreSQL election's answer is tested in
/// Vigil.Storage.Tests (PostgreSqlLeaderElectionTests).
/// </summary>
public sealed partial class NotificationServiceTests
{
    [Fact]
    public async Task Send_LeadershipNoLongerConfirmed_NothingSentAndTheNextLeaderSendsItOnce()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops", receiver.Url.ToString()));
        var deposed = new SwitchLeader { Confirms = false };
        var oldLeader = Service(section, leader: deposed);
        var alert = (await _store.SaveAlertsAsync([Some.Firing("HighErrors", Some.Start, labels: ("service", "shop"))]))[0];

        // The old leader decided to send before it learnt that its term had ended.
        await oldLeader.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await oldLeader.TurnAsync(CancellationToken.None);
        var held = await Eventually.WaitForAsync(() => Recorded(alert.Id).SingleOrDefault(), "the held-back attempt is recorded");
        await oldLeader.StopAsync(CancellationToken.None);

        // The new leader reads the store: the alert was never delivered, so it tells it.
        var newLeader = Service(section, leader: new SwitchLeader { Confirms = true });
        await newLeader.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await newLeader.TurnAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => receiver.Payloads.Count == 1, "the new leader's webhook call arrived");
        await Eventually.TrueAsync(() => Recorded(alert.Id).Count == 2, "the new leader's attempt is recorded");
        await newLeader.StopAsync(CancellationToken.None);

        Assert.Equal((NotificationOutcome.Failed, "not sent: this instance no longer leads; the leader sends it"), (held.Outcome, held.Detail));
        Assert.True(deposed.Asked > 0);
        Assert.Single(receiver.Payloads);
        Assert.Equal(
            [NotificationOutcome.Failed, NotificationOutcome.Delivered],
            Recorded(alert.Id).OrderBy(a => a.Id).Select(a => a.Outcome));
    }

    [Fact]
    public async Task Send_StoreCannotConfirm_AFailedAttemptThenSentOnceTheStoreAnswers()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var section = new AlertingSection();
        var webhook = Some.Webhook("ops", receiver.Url.ToString());
        webhook.RetryDelay = TimeSpan.FromSeconds(1);
        section.Channels.Add(webhook);
        var leader = new SwitchLeader { Confirms = true, ThrowsTimes = 1 };
        var service = Service(section, leader: leader);
        var alert = (await _store.SaveAlertsAsync([Some.Firing("HighErrors", Some.Start, labels: ("service", "shop"))]))[0];

        await service.PublishAsync([alert]);
        _time.Advance(NotificationRouteOptions.DefaultGroupWait);
        await service.TurnAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Recorded(alert.Id).Count == 1, "the failed attempt is recorded");
        // The backoff waits on the fake clock; move it until the retry has gone (the wait may start after a move).
        await Eventually.TrueAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(500));
                return receiver.Payloads.Count == 1;
            },
            "the retry was sent");
        await Eventually.TrueAsync(() => Recorded(alert.Id).Count == 2, "the retry is recorded");
        await service.StopAsync(CancellationToken.None);

        var attempts = Recorded(alert.Id).OrderBy(a => a.Id).ToList();
        Assert.Equal((NotificationOutcome.Failed, 1), (attempts[0].Outcome, attempts[0].Attempt));
        Assert.Contains("the store is away", attempts[0].Detail, StringComparison.Ordinal);
        Assert.Equal((NotificationOutcome.Delivered, 2), (attempts[1].Outcome, attempts[1].Attempt));
    }

    private List<NotificationAttempt> Recorded(long alertId) => [.. AttemptsAsync(alertId).GetAwaiter().GetResult()];

    /// <summary>An election whose store-side answer the test sets; it leads as far as waiting goes.</summary>
    private sealed class SwitchLeader : ILeaderElection
    {
        private int _asked;
        private int _throws;

        public bool Confirms { get; init; }

        public int ThrowsTimes { init => _throws = value; }

        public int Asked => Volatile.Read(ref _asked);

        public bool IsLeader => true;

        public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);

        public Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            return Interlocked.Decrement(ref _throws) >= 0
                ? Task.FromException<bool>(new TimeoutException("the store is away"))
                : Task.FromResult(Confirms);
        }
    }
}
