using System.ComponentModel;

namespace Vigil.Alerting.Configuration;

/// <summary>An SLO's indicator: its kind and the keys that kind uses.</summary>
[Description("an SLO indicator")]
public sealed class SloIndicatorSection
{
    /// <summary><c>ratio</c>, <c>histogram</c>, <c>spanErrors</c> or <c>spanLatency</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>For <c>ratio</c>: the counter of good events.</summary>
    public SloMetricSection? Good { get; set; }

    /// <summary>For <c>ratio</c>: the counter of all events.</summary>
    public SloMetricSection? Total { get; set; }

    /// <summary>For <c>histogram</c>: the latency histogram.</summary>
    public SloMetricSection? Histogram { get; set; }

    /// <summary>For <c>histogram</c>: the largest good value, in the histogram's unit.</summary>
    public double? AtOrUnder { get; set; }

    /// <summary>For <c>spanLatency</c>: a span slower than this duration is bad (e.g. <c>300ms</c>).</summary>
    public string? SlowerThan { get; set; }
}
