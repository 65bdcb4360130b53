using System.Text.Json;
using Vigil.Grouping;
using Vigil.Storage;

namespace Vigil.Server.Configuration;

/// <summary>
/// Reads the <c>Errors</c> section into the <see cref="ErrorTrackingOptions"/> the store groups received exceptions
/// with. Keys and value forms are the SDK's <c>Errors</c> section's (docs/configuration.md), less
/// <c>CaptureUnhandled</c>, which only an application can do, plus <c>Enabled</c>.
/// </summary>
internal static partial class ErrorsJsonReader
{
    private const string Section = "Errors";

    private static readonly string[] s_keys =
    [
        "Enabled", "MinimumLogLevel", "InAppInclude", "InAppExclude", "GroupingRules", "SeverityRules", "SpikeFactor", "SpikeMinimumEvents",
    ];

    /// <summary>The largest <c>SpikeFactor</c>, as the SDK allows.</summary>
    public const double MaxSpikeFactor = 1000;

    /// <summary>The largest <c>SpikeMinimumEvents</c>, as the SDK allows.</summary>
    public const int MaxSpikeMinimumEvents = 1_000_000;

    public static ErrorTrackingOptions Read(JsonElement element, ConfigReader reader)
    {
        var options = ErrorTrackingOptions.Default;
        if (ReadObject(element, Section, s_keys, "the Errors section", "the error tracking settings are an object, e.g. { \"SeverityRules\": [] }", reader) is not { } values)
        {
            return options;
        }

        if (values.TryGetValue("Enabled", out var enabled) && reader.Boolean(enabled, $"{Section}:Enabled") is { } e)
        {
            options = options with { Enabled = e };
        }

        if (values.TryGetValue("MinimumLogLevel", out var level) && ReadLevel(level, $"{Section}:MinimumLogLevel", reader) is { } severity)
        {
            options = options with { MinimumLogSeverity = severity };
        }

        if (values.TryGetValue("SpikeFactor", out var factor) && reader.Number(factor, $"{Section}:SpikeFactor", 1, MaxSpikeFactor) is { } f)
        {
            options = options with { SpikeFactor = f };
        }

        if (values.TryGetValue("SpikeMinimumEvents", out var minimum) && reader.Integer(minimum, $"{Section}:SpikeMinimumEvents", 1, MaxSpikeMinimumEvents) is { } m)
        {
            options = options with { SpikeMinimumEvents = m };
        }

        var defaults = FingerprintOptions.Default;
        var include = values.TryGetValue("InAppInclude", out var i) ? Names(i, $"{Section}:InAppInclude", reader) : [];
        var exclude = values.TryGetValue("InAppExclude", out var x) ? Names(x, $"{Section}:InAppExclude", reader) : [];
        var groupingRules = values.TryGetValue("GroupingRules", out var g) ? ReadGroupingRules(g, reader) : [];
        if (include.Count > 0 || exclude.Count > 0 || groupingRules.Count > 0)
        {
            // Like the SDK: more exclude prefixes add to the built-in ones rather than replace them.
            options = options with
            {
                Fingerprint = new FingerprintOptions
                {
                    InAppIncludePrefixes = include,
                    InAppExcludePrefixes = [.. defaults.InAppExcludePrefixes, .. exclude],
                    ExplicitFingerprintAttributes = defaults.ExplicitFingerprintAttributes,
                    Rules = groupingRules,
                },
            };
        }

        if (values.TryGetValue("SeverityRules", out var s))
        {
            options = options with { SeverityRules = ReadSeverityRules(s, reader) };
        }

        return options;
    }
}
