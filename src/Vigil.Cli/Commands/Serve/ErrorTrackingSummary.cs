using Vigil.Grouping;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Serve;

/// <summary>The <c>errors</c> line of serve's start-up block: what the configuration file changed about error tracking.</summary>
internal static class ErrorTrackingSummary
{
    /// <summary>Writes one line for serve's start-up block when the error tracking settings are not the defaults.</summary>
    public static async Task WriteAsync(TextWriter output, ErrorTrackingOptions options)
    {
        if (Describe(options) is { Count: > 0 } parts)
        {
            await output.WriteLineAsync($"  errors     {string.Join(", ", parts)}").ConfigureAwait(false);
        }
    }

    private static List<string> Describe(ErrorTrackingOptions options)
    {
        if (!options.Enabled)
        {
            return ["off"];
        }

        var defaults = ErrorTrackingOptions.Default;
        var fingerprint = options.Fingerprint;
        var parts = new List<string>();
        AddCount(parts, options.SeverityRules.Count, "severity rule");
        AddCount(parts, fingerprint.Rules.Count, "grouping rule");
        AddCount(parts, fingerprint.InAppIncludePrefixes.Count, "in-app include prefix", "in-app include prefixes");
        AddCount(parts, fingerprint.InAppExcludePrefixes.Except(FingerprintOptions.Default.InAppExcludePrefixes, StringComparer.Ordinal).Count(), "more in-app exclude prefix", "more in-app exclude prefixes");
        if (options.MinimumLogSeverity != defaults.MinimumLogSeverity)
        {
            parts.Add(FormattableString.Invariant($"from log severity {options.MinimumLogSeverity}"));
        }

        if (options.SpikeFactor != defaults.SpikeFactor || options.SpikeMinimumEvents != defaults.SpikeMinimumEvents)
        {
            parts.Add(FormattableString.Invariant($"spike at {options.SpikeFactor}x and {options.SpikeMinimumEvents} events"));
        }

        return parts;
    }

    private static void AddCount(List<string> parts, int count, string one, string? many = null)
    {
        if (count > 0)
        {
            parts.Add(FormattableString.Invariant($"{count} {(count == 1 ? one : many ?? one + "s")}"));
        }
    }
}
