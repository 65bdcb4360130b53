using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// One channel's queue and the one task that drains it: each notification is tried up to the channel's attempt
/// count, each attempt under its own timeout, with backoff between, and every attempt recorded. A channel that is
/// slow or down only ever holds up its own queue; the queue is bounded, and a full one drops and counts.
/// Before each attempt the store is asked whether this instance still leads (<see cref="ILeaderElection.ConfirmLeadershipAsync"/>):
/// a server whose leadership ended (its database connection was cut, another server took over) sends nothing more
/// from its queue. What it held back is recorded as a failed attempt, never as delivered, so the new leader, which
/// finds the alert untold in the store, sends it: none is lost, and none goes out from two servers.
/// </summary>
internal sealed class ChannelWorker : IAsyncDisposable
{
    /// <summary>How many notifications wait per channel before new ones are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly INotificationChannel _channel;
    private readonly IAlertStateStore _store;
    private readonly ILeaderElection _leader;
    private readonly NotificationStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _timeout;
    private readonly int _maxAttempts;
    private readonly TimeSpan _firstDelay;
    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;

    /// <summary>The detail recorded for a notification this instance held back because it no longer leads.</summary>
    public const string FencedDetail = "not sent: this instance no longer leads; the leader sends it";

    public ChannelWorker(
        INotificationChannel channel, NotificationChannelOptions options, IAlertStateStore store, NotificationStatistics statistics, TimeProvider time, ILogger logger, ILeaderElection? leader = null)
    {
        _channel = channel;
        _store = store;
        _leader = leader ?? AlwaysLeader.Instance;
        _statistics = statistics;
        _time = time;
        _logger = logger;
        _timeout = options.Timeout ?? NotificationChannelOptions.DefaultTimeout;
        _maxAttempts = options.MaxAttempts ?? NotificationChannelOptions.DefaultMaxAttempts;
        _firstDelay = options.RetryDelay ?? RetryBackoff.DefaultFirstDelay;
        _worker = Task.Run(DrainAsync);
    }

    public string Name => _channel.Name;

    /// <summary>Queues a notification; never waits. False (dropped, counted, logged, recorded) when the queue is full.</summary>
    public bool Enqueue(Notification notification)
    {
        if (_queue.Writer.TryWrite(notification))
        {
            return true;
        }

        _statistics.Count(Name, NotificationOutcome.Failed);
        Log.DeliveryDropped(_logger, Name, notification.Kind, notification.GroupKey);
        _ = RecordAsync(notification, 1, NotificationOutcome.Failed, $"dropped: the channel's queue of {QueueCapacity} notifications is full");
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels a wait or an attempt under way; what was queued is not sent.
        }

        _stopping.Dispose();
        (_channel as IDisposable)?.Dispose();
    }

    private async Task DrainAsync()
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            await DeliverAsync(notification).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(Notification notification)
    {
        for (var attempt = 1; ; attempt++)
        {
            string detail;
            var retryable = true;
            TimeSpan? retryAfter = null;
            using (var timeout = new CancellationTokenSource(_timeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping.Token))
            {
                try
                {
                    // A store that cannot answer throws: a failed attempt, tried again after the backoff.
                    if (!await _leader.ConfirmLeadershipAsync(linked.Token).ConfigureAwait(false))
                    {
                        _statistics.Count(Name, NotificationOutcome.Failed);
                        Log.DeliveryFenced(_logger, Name, notification.Kind, notification.GroupKey);
                        await RecordAsync(notification, attempt, NotificationOutcome.Failed, FencedDetail).ConfigureAwait(false);
                        return;
                    }

                    await _channel.DeliverAsync(notification, linked.Token).ConfigureAwait(false);
                    _statistics.Count(Name, NotificationOutcome.Delivered);
                    await RecordAsync(notification, attempt, NotificationOutcome.Delivered, null).ConfigureAwait(false);
                    return;
                }
                catch (NotificationDeliveryException e)
                {
                    (detail, retryable, retryAfter) = (OneLine(e.Message), e.IsRetryable, e.RetryAfter);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stopping.IsCancellationRequested)
                {
                    detail = string.Create(CultureInfo.InvariantCulture, $"no answer within the timeout of {_timeout.TotalSeconds:0.###}s");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A channel that throws something else is still only a failed attempt: the worker goes on.
                    detail = OneLine($"{e.GetType().Name}: {e.Message}");
                }
            }

            _statistics.Count(Name, NotificationOutcome.Failed);
            await RecordAsync(notification, attempt, NotificationOutcome.Failed, detail).ConfigureAwait(false);
            if (!retryable || attempt >= _maxAttempts)
            {
                Log.DeliveryAbandoned(_logger, Name, notification.Kind, notification.GroupKey, attempt, detail);
                return;
            }

            Log.DeliveryFailed(_logger, Name, attempt, _maxAttempts, notification.GroupKey, detail);
            await Task.Delay(RetryBackoff.Delay(attempt, _firstDelay, retryAfter), _time, _stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(Notification notification, int attempt, NotificationOutcome outcome, string? detail)
    {
        try
        {
            await _store.RecordNotificationAsync(new NotificationAttempt
            {
                Channel = Name,
                GroupKey = notification.GroupKey,
                AlertIds = [.. notification.Alerts.Select(a => a.Alert.Id)],
                Kind = notification.Kind,
                EscalationLevel = notification.EscalationLevel,
                Attempt = attempt,
                At = _time.GetUtcNow(),
                Outcome = outcome,
                Detail = detail,
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AttemptNotRecorded(_logger, e, Name);
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 500 ? line : line[..497] + "...";
    }
}
