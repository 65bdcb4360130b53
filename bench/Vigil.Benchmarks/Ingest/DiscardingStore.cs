using Vigil.Storage;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// A store whose writes cost nothing: the ingest server over it shows its own share of the work (sockets, HTTP,
/// decoding, mapping, queueing), the ceiling the server could reach with an infinitely fast store. Reads go to a real
/// (empty) store so that everything else in the server behaves as usual.
/// </summary>
internal sealed class DiscardingStore(ITelemetryStore inner) : ITelemetryStore
{
    public string Location => inner.Location;

    public Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default) => inner.QueryLogsAsync(query, cancellationToken);

    public Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default) => inner.QueryTracesAsync(query, cancellationToken);

    public Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) => inner.GetTraceAsync(traceId, cancellationToken);

    public Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) => inner.FindTraceIdsAsync(prefix, limit, cancellationToken);

    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) => inner.ListMetricsAsync(cancellationToken);

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default) => inner.QueryMetricAsync(query, cancellationToken);

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) => inner.QueryErrorGroupsAsync(query, cancellationToken);

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) => inner.GetErrorGroupAsync(id, hours, latestEvents, cancellationToken);

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) => inner.UpdateErrorGroupStatusAsync(id, change, cancellationToken);

    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) => inner.QueryHealthAsync(query, cancellationToken);

    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) => inner.ApplyRetentionAsync(options, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
