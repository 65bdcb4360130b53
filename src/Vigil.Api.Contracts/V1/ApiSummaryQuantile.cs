namespace Vigil.Api.Contracts.V1;

/// <summary>One quantile of a summary point.</summary>
public sealed record ApiSummaryQuantile
{
    /// <summary>The quantile, 0 to 1.</summary>
    public double Quantile { get; init; }

    /// <summary>Its value.</summary>
    public double Value { get; init; }
}
