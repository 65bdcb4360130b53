namespace Vigil.Model;

/// <summary>One quantile of a summary point.</summary>
/// <param name="Quantile">The quantile, from 0 to 1.</param>
/// <param name="Value">The value at that quantile.</param>
public sealed record SummaryQuantile(double Quantile, double Value);
