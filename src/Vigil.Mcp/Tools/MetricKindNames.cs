using Vigil.Model;

namespace Vigil.Mcp.Tools;

/// <summary>Metric kinds as OpenTelemetry spells them in its data model.</summary>
internal static class MetricKindNames
{
    public static string Of(MetricKind kind) => kind switch
    {
        MetricKind.Sum => "sum",
        MetricKind.Gauge => "gauge",
        MetricKind.Histogram => "histogram",
        MetricKind.ExponentialHistogram => "exponential_histogram",
        MetricKind.Summary => "summary",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
