namespace Vigil.Cli.Commands.Metrics;

/// <summary>How a metric is read: counters as rates, gauges as last/average, distributions as percentiles.</summary>
internal enum MetricShape
{
    /// <summary>A monotonic sum: rate and increase.</summary>
    Counter,

    /// <summary>A gauge or non-monotonic sum: last value and average.</summary>
    Gauge,

    /// <summary>A histogram, exponential histogram or summary: count and percentiles.</summary>
    Distribution,
}
