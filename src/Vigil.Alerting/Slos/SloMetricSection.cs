using System.ComponentModel;

namespace Vigil.Alerting.Configuration;

/// <summary>A metric an SLO indicator reads: its name, and attribute values its series must have.</summary>
[Description("a metric selector")]
public sealed class SloMetricSection
{
    /// <summary>The metric name.</summary>
    public string? Metric { get; set; }

    /// <summary>Attribute values a series must have to count (text form, as for <c>vigil metrics</c>).</summary>
    public IDictionary<string, string> Attributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
