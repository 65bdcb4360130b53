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

    public Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default) => inner.ReadLatestPointsAsync(query, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default) => inner.CountLogsByServiceAsync(query, cancellationToken);

    public Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default) => inner.GetLastSeenAsync(query, cancellationToken);

    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) => inner.ApplyRetentionAsync(options, cancellationToken);

    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no error groups.");

    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no health results.");

    public Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException("This engine keeps no health results.");

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
