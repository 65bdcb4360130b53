using System.ComponentModel;

namespace Vigil.Alerting.Rules.Metric;

/// <summary>
/// A metric rule as configured: one metric, aggregated over a window per group of attribute values, compared with a
/// threshold (<c>"Metric": { "Name": "http.server.request.duration", "Aggregation": "p95", "Window": "5m",
/// "GroupBy": [ "http.route" ], "Threshold": 0.5 }</c>).
/// </summary>
[Description("a metric rule's Metric section")]
public sealed class MetricRuleOptions
{
    /// <summary>The metric's name, as stored (required).</summary>
    public string? Name { get; set; }

    /// <summary>Only the series of this <c>service.name</c>.</summary>
    public string? Service { get; set; }

    /// <summary>Only series whose attributes have these values (text form).</summary>
    public IDictionary<string, string> Where { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>rate, increase, avg, min, max, last, p50, p90, p95 or p99 (required).</summary>
    public string? Aggregation { get; set; }

    /// <summary>The window the aggregation covers, ending at the evaluation (default 5m, 1s to 7d).</summary>
    public string? Window { get; set; }

    /// <summary>Attribute names whose values make a group, one alert instance each; empty combines every series.</summary>
    public IList<string> GroupBy { get; } = new List<string>();

    /// <summary>How the value is compared with <see cref="Threshold"/> (default <c>&gt;</c>).</summary>
    public string? Comparison { get; set; }

    /// <summary>The threshold (required).</summary>
    public double? Threshold { get; set; }
}
