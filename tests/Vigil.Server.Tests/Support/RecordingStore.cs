using System.Collections.Concurrent;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Tests.Support;

/// <summary>
/// A real SQLite store that also keeps every batch written, so tests can check fields the query API
/// does not return, and can hold commits behind a gate or make them fail, or keep log queries running.
/// </summary>
internal sealed class RecordingStore(ITelemetryStore inner) : ITelemetryStore, IStoreUsageReader, IExemplarReader
{
    private readonly ConcurrentQueue<TelemetryBatch> _batches = new();
    private volatile TaskCompletionSource? _gate;
    private volatile TaskCompletionSource? _logQueryStarted;

    public string Location => inner.Location;

    public IReadOnlyList<TelemetryBatch> Batches => [.. _batches];

    public IReadOnlyList<SpanEntry> Spans => [.. _batches.SelectMany(b => b.Spans)];

    public IReadOnlyList<LogEntry> Logs => [.. _batches.SelectMany(b => b.Logs)];

    public IReadOnlyList<MetricPoint> Points => [.. _batches.SelectMany(b => b.MetricPoints)];

    public int WritesStarted => _writesStarted;

    public Exception? FailWith { get; set; }

    /// <summary>
    /// Batches the store refuses for what they hold, as it refused NaN before it could store it: since no real
    /// record fails the real store any more, this stands in for the next value it cannot encode.
    /// </summary>
    public Func<TelemetryBatch, bool>? Refuses { get; set; }

    private int _writesStarted;

    /// <summary>Holds every following write until <see cref="Open"/>.</summary>
    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    public async Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writesStarted);
        if (_gate is { } gate)
        {
            await gate.Task.ConfigureAwait(false);
        }

        if (FailWith is { } failure)
        {
            throw failure;
        }

        if (Refuses?.Invoke(batch) == true)
        {
            throw new ArgumentException("The store cannot encode a value of this batch.", nameof(batch));
        }

        await inner.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        _batches.Enqueue(batch);
    }

    /// <summary>Makes every following log query run until it is cancelled; the task completes when one has started.</summary>
    public Task HoldLogQueries()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _logQueryStarted = started;
        return started.Task;
    }

    public async Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default)
    {
        if (_logQueryStarted is { } started)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        return await inner.QueryLogsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default) => inner.QueryTracesAsync(query, cancellationToken);

    public Task<ExemplarQueryResult> QueryExemplarsAsync(ExemplarQuery query, CancellationToken cancellationToken = default) =>
        ((IExemplarReader)inner).QueryExemplarsAsync(query, cancellationToken);

    public Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) => inner.GetTraceAsync(traceId, cancellationToken);

    public Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) => inner.FindTraceIdsAsync(prefix, limit, cancellationToken);

    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) => inner.ListMetricsAsync(cancellationToken);

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default) => inner.QueryMetricAsync(query, cancellationToken);

    public Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default) => inner.ReadLatestPointsAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default) => inner.CountLogsByServiceAsync(query, cancellationToken);

    public Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default) => inner.GetLastSeenAsync(query, cancellationToken);

    public Task<StoreSpace> ReadSpaceAsync(CancellationToken cancellationToken = default) => ((IStoreUsageReader)inner).ReadSpaceAsync(cancellationToken);

    public Task<IReadOnlyList<SignalUsage>> ReadSignalUsageAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ((IStoreUsageReader)inner).ReadSignalUsageAsync(since, cancellationToken);

    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) => inner.ApplyRetentionAsync(options, cancellationToken);

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) => inner.QueryErrorGroupsAsync(query, cancellationToken);

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) => inner.GetErrorGroupAsync(id, hours, latestEvents, cancellationToken);

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) => inner.UpdateErrorGroupStatusAsync(id, change, cancellationToken);

    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) => inner.QueryHealthAsync(query, cancellationToken);

    public Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default) => inner.QueryHealthHistoryAsync(query, cancellationToken);

    public Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default) => inner.QueryAlertsAsync(query, cancellationToken);

    public Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default) => inner.GetAlertAsync(id, cancellationToken);

    public Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default) => inner.QueryAlertHistoryAsync(query, cancellationToken);

    public Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default) => inner.QueryNotificationsAsync(query, cancellationToken);

    public Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default) => inner.AcknowledgeAlertAsync(id, acknowledgement, cancellationToken);

    public Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default) => inner.CreateSilenceAsync(silence, cancellationToken);

    public Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default) => inner.QuerySilencesAsync(now, includeExpired, cancellationToken);

    public Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.ExpireSilenceAsync(id, now, cancellationToken);

    public Task<IReadOnlyList<AlertInstance>> SaveAlertsAsync(IReadOnlyList<AlertInstance> instances, CancellationToken cancellationToken = default) => inner.SaveAlertsAsync(instances, cancellationToken);

    public Task<NotificationAttempt> RecordNotificationAsync(NotificationAttempt attempt, CancellationToken cancellationToken = default) => inner.RecordNotificationAsync(attempt, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
