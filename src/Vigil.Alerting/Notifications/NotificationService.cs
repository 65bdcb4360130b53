using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Alerting.Notifications.Engine;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// The notifier: takes the rule engine's alerts (<see cref="IAlertNotifier"/>), and once a second runs the engine's
/// turn with the silences and acknowledgements read from the store, records what was held back, and hands what is
/// to be sent to each channel's own worker. <see cref="PublishAsync"/> never waits for a channel.
/// </summary>
internal sealed class NotificationService : BackgroundService, IAlertNotifier
{
    /// <summary>How often the engine's timers are looked at: the resolution of group waits and escalation delays.</summary>
    public static readonly TimeSpan TurnPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How long silences read from the store are reused before they are read again.</summary>
    public static readonly TimeSpan SilenceCacheDuration = TimeSpan.FromSeconds(5);

    /// <summary>The newest attempts read per alert when it is new to the engine: enough to find its last firing and escalation.</summary>
    private const int MaxAttemptsRead = 200;

    private readonly NotificationEngine _engine;
    private readonly IReadOnlyDictionary<string, ChannelWorker> _workers;
    private readonly IAlertStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILeaderElection _leader;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IReadOnlyList<Silence> _silences = [];
    private DateTimeOffset? _silencesReadAt;

    public NotificationService(
        NotificationEngine engine, IReadOnlyDictionary<string, ChannelWorker> workers, IAlertStateStore store, TimeProvider time, ILogger logger, ILeaderElection? leader = null)
    {
        _leader = leader ?? AlwaysLeader.Instance;
        _engine = engine;
        _workers = workers;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async ValueTask PublishAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var attempts = await RecordedAttemptsAsync(alerts, cancellationToken).ConfigureAwait(false);
            _engine.Receive(alerts, _time.GetUtcNow(), attempts);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>One turn: what the timer runs every <see cref="TurnPeriod"/>, and what tests call after moving the clock.</summary>
    /// <returns>What the turn decided (the deliveries are queued by the time it returns).</returns>
    public async Task<NotificationTurn> TurnAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        NotificationTurn turn;
        try
        {
            var now = _time.GetUtcNow();
            await ReadStoreAsync(now, cancellationToken).ConfigureAwait(false);
            turn = _engine.Turn(now, _silences);
        }
        finally
        {
            _lock.Release();
        }

        foreach (var attempt in turn.Suppressed)
        {
            await _store.RecordNotificationAsync(attempt, cancellationToken).ConfigureAwait(false);
        }

        foreach (var outgoing in turn.Deliveries)
        {
            if (_workers.TryGetValue(outgoing.Channel, out var worker))
            {
                worker.Enqueue(outgoing.Notification);
            }
        }

        return turn;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var worker in _workers.Values)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _lock.Dispose();
        base.Dispose();
    }

    /// <summary>Of several servers on one database only the leader sends: its rule engine is the one that publishes.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _leader.RunWhileLeadingAsync(TurnWhileLeadingAsync, stoppingToken);

    private async Task TurnWhileLeadingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TurnPeriod, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await TurnAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The notifier never stops over one bad turn (a store that is briefly locked, say).
                Log.TurnFailed(_logger, e);
            }
        }
    }

    // A firing alert the engine does not hold yet may have been told of before a restart: its recorded attempts say so.
    // One query per alert new to the engine (a first firing finds none); a store that cannot answer costs a repeat at most.
    private async Task<Dictionary<long, IReadOnlyList<NotificationAttempt>>?> RecordedAttemptsAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken)
    {
        Dictionary<long, IReadOnlyList<NotificationAttempt>>? recorded = null;
        try
        {
            foreach (var alert in alerts.Where(a => a is { State: AlertState.Firing, Id: > 0 } && !_engine.Knows(a)))
            {
                var query = new AlertHistoryQuery { AlertId = alert.Id, Since = alert.FiredAt ?? alert.ActiveSince, Limit = MaxAttemptsRead };
                var attempts = await _store.QueryNotificationsAsync(query, cancellationToken).ConfigureAwait(false);
                if (attempts.Count > 0)
                {
                    (recorded ??= [])[alert.Id] = attempts;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AttemptsReadFailed(_logger, e);
        }

        return recorded;
    }

    private async Task ReadStoreAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            if (_silencesReadAt is not { } at || now - at >= SilenceCacheDuration || now < at)
            {
                _silences = await _store.QuerySilencesAsync(now, includeExpired: false, cancellationToken).ConfigureAwait(false);
                _silencesReadAt = now;
            }

            // Acknowledgements are decisions in the store (a CLI, the API, another server): read them before escalating.
            foreach (var id in _engine.EscalatingAlertIds())
            {
                if (await _store.GetAlertAsync(id, cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    _engine.RefreshAcknowledgement(stored);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StoreReadFailed(_logger, e);
        }
    }
}
