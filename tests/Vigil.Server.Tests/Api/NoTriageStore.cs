using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Tests.Api;

/// <summary>A real store standing for an engine that keeps no error groups or health results (NotSupported, as the contract allows).</summary>
internal sealed class NoTriageStore(ITelemetryStore inner) : ITelemetryStore
{
    public string Location => inner.Location;

    public Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default) => inner.WriteAsync(batch, cancellationToken);

    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default) => inner.QueryLogsAsync(query, cancellationToken);

    public Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default) => inner.QueryTracesAsync(query, cancellationToken);

    public Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) => inner.GetTraceAsync(traceId, cancellationToken);

    public Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default) => inner.FindTraceIdsAsync(prefix, limit, cancellationToken);

    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) => inner.ListMetricsAsync(cancellationToken);

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default) => inner.QueryMetricAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default) => inner.CountLogsByServiceAsync(query, cancellationToken);

    public Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default) => inner.GetLastSeenAsync(query, cancellationToken);

    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) => inner.ApplyRetentionAsync(options, cancellationToken);

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no health results.");

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
