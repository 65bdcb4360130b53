namespace Vigil.Model;

/// <summary>Whether a point reports the change since the last point or the total since its start.</summary>
public enum AggregationTemporality
{
    /// <summary>Not given (gauges).</summary>
    Unspecified = 0,

    /// <summary>Each point holds the change since the previous point.</summary>
    Delta = 1,

    /// <summary>Each point holds the total since <see cref="MetricPoint.StartTimestamp"/>.</summary>
    Cumulative = 2,
}
