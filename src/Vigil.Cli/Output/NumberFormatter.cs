using System.Globalization;

namespace Vigil.Cli.Output;

/// <summary>Formats metric values: short for humans, exact (round-trip) for machines.</summary>
internal static class NumberFormatter
{
    /// <summary>At most six significant digits, invariant culture; <c>-</c> for a missing value.</summary>
    public static string Human(double? value) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString("G6", CultureInfo.InvariantCulture),
    };

    /// <summary>The round-trip form (Prometheus and CSV): <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c> as Prometheus spells them.</summary>
    public static string Exact(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
