using System.Globalization;

namespace Vigil.Cli.Commands.Slo;

/// <summary>How <c>vigil slo</c> writes its numbers for people; <c>--json</c> gives them unrounded.</summary>
internal static class SloNumbers
{
    /// <summary>What an unknown share says: no events in the window, so nothing was measured.</summary>
    public const string NoTraffic = "no traffic";

    /// <summary>A share as a percentage with up to three decimals: 99.98%, 80%, -100%.</summary>
    public static string Percent(double? share) =>
        share is { } value ? (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%" : NoTraffic;

    /// <summary>A burn rate with up to two decimals and the × of "times the budget": 2×, 12.05×.</summary>
    public static string Burn(double? rate) =>
        rate is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) + "×" : "-";
}
