namespace Vigil.Model;

/// <summary>The OpenTelemetry metric data point type.</summary>
public enum MetricKind
{
    /// <summary>A sum: a counter when monotonic, an up-down counter otherwise.</summary>
    Sum = 0,

    /// <summary>A sampled value.</summary>
    Gauge = 1,

    /// <summary>A histogram with explicit bucket bounds.</summary>
    Histogram = 2,

    /// <summary>A base-2 exponential histogram.</summary>
    ExponentialHistogram = 3,

    /// <summary>A summary with precomputed quantiles.</summary>
    Summary = 4,
}
