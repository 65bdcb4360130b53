namespace Vigil.Model;

/// <summary>
/// The identity of a metric time series: one instrument with one attribute set from one resource.
/// Stored once; points refer to it.
/// </summary>
public sealed record MetricSeriesInfo
{
    /// <summary>The metric (instrument) name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The instrument description.</summary>
    public string? Description { get; init; }

    /// <summary>The unit, in UCUM, for example <c>ms</c> or <c>By</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>The point type.</summary>
    public MetricKind Kind { get; init; }

    /// <summary>The temporality of sums and histograms; <see cref="AggregationTemporality.Unspecified"/> for gauges.</summary>
    public AggregationTemporality Temporality { get; init; }

    /// <summary>True for sums that only go up (counters).</summary>
    public bool IsMonotonic { get; init; }

    /// <summary>The point attributes that identify the series (see <see cref="TelemetryAttributes"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];

    /// <summary>The library that emitted the metric.</summary>
    public InstrumentationScopeInfo Scope { get; init; } = InstrumentationScopeInfo.Empty;

    /// <summary>The entity that produced the metric.</summary>
    public TelemetryResource Resource { get; init; } = TelemetryResource.Empty;
}
