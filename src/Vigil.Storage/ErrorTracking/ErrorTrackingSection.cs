using System.ComponentModel;
using Vigil.Grouping;
using Vigil.Model;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Storage;

/// <summary>
/// The <c>Errors</c> configuration section as the binder reads it, shared by the SDK's <c>vigil.json</c> and the
/// server's configuration file so that both accept the same keys and values (docs/configuration.md): checked by
/// <see cref="ErrorTrackingSectionValidator"/>, turned into the store's options by <see cref="ToOptions"/>.
/// </summary>
[Description("the Errors section")]
public sealed class ErrorTrackingSection
{
    /// <summary>The largest <see cref="SpikeFactor"/>.</summary>
    public const double MaxSpikeFactor = 1000;

    /// <summary>The largest <see cref="SpikeMinimumEvents"/>.</summary>
    public const int MaxSpikeMinimumEvents = 1_000_000;

    /// <summary>
    /// The values read through a grammar rather than the binder's conversion: severities are the words of
    /// <see cref="ErrorSeverityNames"/>, as on the command line (numbers are refused).
    /// </summary>
    public static IReadOnlyDictionary<Type, ConfigurationScalar> Scalars { get; } = new Dictionary<Type, ConfigurationScalar>
    {
        [typeof(ErrorSeverity)] = new($"a severity: {ErrorSeverityNames.Accepted}", text => ErrorSeverityNames.TryParse(text, out var severity) ? severity.ToString() : null),
    };

    /// <summary>False stores no error events or groups (the server's key; the SDK has no such key).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A level name in the one grammar of <see cref="LevelGrammar"/>; null keeps Error.</summary>
    public string? MinimumLogLevel { get; set; }

    /// <summary>Frame prefixes that are application code even when a built-in exclude prefix matches.</summary>
    public IList<string> InAppInclude { get; } = new List<string>();

    /// <summary>Frame prefixes that are library code, added to the built-in ones.</summary>
    public IList<string> InAppExclude { get; } = new List<string>();

    /// <summary>Merge and split rules, tried in order.</summary>
    public IList<GroupingRuleSection> GroupingRules { get; } = new List<GroupingRuleSection>();

    /// <summary>Severity rules, tried in order before the built-in ones.</summary>
    public IList<SeverityRuleSection> SeverityRules { get; } = new List<SeverityRuleSection>();

    /// <summary>See <see cref="ErrorTrackingOptions.SpikeFactor"/>; 1 to <see cref="MaxSpikeFactor"/>.</summary>
    public double SpikeFactor { get; set; } = ErrorTrackingOptions.DefaultSpikeFactor;

    /// <summary>See <see cref="ErrorTrackingOptions.SpikeMinimumEvents"/>; 1 to <see cref="MaxSpikeMinimumEvents"/>.</summary>
    public int SpikeMinimumEvents { get; set; } = ErrorTrackingOptions.DefaultSpikeMinimumEvents;

    /// <summary>The options the store groups with; call it on a section <see cref="ErrorTrackingSectionValidator"/> found no problem in.</summary>
    /// <returns>The defaults, changed only where the section sets something.</returns>
    public ErrorTrackingOptions ToOptions()
    {
        var options = ErrorTrackingOptions.Default with
        {
            Enabled = Enabled,
            MinimumLogSeverity = LevelGrammar.TryParse(MinimumLogLevel, out var severity) ? severity : ErrorTrackingOptions.DefaultMinimumLogSeverity,
            SpikeFactor = SpikeFactor,
            SpikeMinimumEvents = SpikeMinimumEvents,
        };
        if (InAppInclude.Count > 0 || InAppExclude.Count > 0 || GroupingRules.Count > 0)
        {
            // More exclude prefixes add to the built-in ones rather than replace them.
            var defaults = FingerprintOptions.Default;
            options = options with
            {
                Fingerprint = new FingerprintOptions
                {
                    InAppIncludePrefixes = Trimmed(InAppInclude),
                    InAppExcludePrefixes = [.. defaults.InAppExcludePrefixes, .. Trimmed(InAppExclude)],
                    ExplicitFingerprintAttributes = defaults.ExplicitFingerprintAttributes,
                    Rules = [.. GroupingRules.Select(r => r.ToRule())],
                },
            };
        }

        return SeverityRules.Count == 0 ? options : options with { SeverityRules = [.. SeverityRules.Select(r => r.ToRule())] };
    }

    internal static List<string> Trimmed(IEnumerable<string> names) => [.. names.Select(n => n.Trim())];
}
