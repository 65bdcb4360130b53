using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Metric queries (ITelemetryReader). Not written yet (pg-core): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
