namespace Vigil.Model;

/// <summary>A summary point: count, sum and precomputed quantiles.</summary>
public sealed record SummaryData
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>The sum of the recorded values.</summary>
    public double Sum { get; init; }

    /// <summary>The quantiles, each with its quantile (0 to 1) and value.</summary>
    public IReadOnlyList<SummaryQuantile> Quantiles { get; init; } = [];
}
