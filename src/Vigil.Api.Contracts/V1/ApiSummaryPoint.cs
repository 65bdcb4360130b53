namespace Vigil.Api.Contracts.V1;

/// <summary>A summary point: its sender's count, sum and quantiles.</summary>
public sealed record ApiSummaryPoint
{
    /// <summary>How many values were recorded.</summary>
    public long Count { get; init; }

    /// <summary>Their sum.</summary>
    public double Sum { get; init; }

    /// <summary>The quantiles, each as <c>{"quantile": 0.95, "value": ...}</c>.</summary>
    public IReadOnlyList<ApiSummaryQuantile> Quantiles { get; init; } = [];
}
