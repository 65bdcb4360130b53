using Vigil.Model;
using Vigil.Model.Prometheus;
using Vigil.Storage;

namespace Vigil.Server.Prometheus;

/// <summary>
/// <c>vigil_health_status</c>: one gauge sample per health check and probe, its current status as a number
/// (0 healthy, 1 degraded, 2 unhealthy, the exit codes of <c>vigil health</c>), so an alert rule can say
/// <c>vigil_health_status &gt; 0</c>. A stale check (no result for three of its intervals) is 2: its last reported
/// status says nothing about now, and a check whose application died must not read healthy.
/// </summary>
internal static class HealthMetricFamilies
{
    public const string Name = "vigil_health_status";

    public static async Task<IReadOnlyList<ExpositionFamily>> ReadAsync(ITriageStore store, CancellationToken cancellationToken)
    {
        IReadOnlyList<HealthState> states;
        try
        {
            states = await store.QueryHealthAsync(new HealthQuery(), cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            // An engine that keeps no health results exposes no family rather than failing the whole scrape.
            return [];
        }

        if (states.Count == 0)
        {
            return [];
        }

        var samples = states.Select(state => new ExpositionSample(string.Empty, Labels(state.Latest), (int)state.Status)).ToList();
        return [new ExpositionFamily(Name, "gauge", "Status of each health check and probe: 0 healthy, 1 degraded, 2 unhealthy (also when stale: no result for 3 of its intervals).", samples)];
    }

    private static string Labels(HealthResult result)
    {
        var labels = new List<KeyValuePair<string, string>>
        {
            new("kind", result.Kind == HealthSourceKind.Probe ? "probe" : "check"),
            new("name", result.Name),
        };
        if (!string.IsNullOrEmpty(result.ServiceName))
        {
            // The label the stored metrics carry too, so the two join in PromQL.
            labels.Add(new(TelemetryResource.ServiceNameKey, result.ServiceName));
        }

        return PrometheusNames.LabelSet(labels);
    }
}
