using System.Text.Json;
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

    // The .NET log levels as OpenTelemetry severity numbers (the first number of each range), as the SDK maps them.
    private static readonly (string Name, int Severity)[] s_levels =
    [
        ("Trace", 1), ("Debug", 5), ("Information", 9), ("Warning", 13), ("Error", 17), ("Critical", 21),
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

    /// <summary>The keys of an object, case-insensitively; repeated and unknown keys are problems. Null when it is not an object.</summary>
    private static Dictionary<string, JsonElement>? ReadObject(JsonElement element, string path, string[] keys, string what, string expected, ConfigReader reader)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Add(path, $"{ConfigReader.Show(element)} is not allowed: {expected}");
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!keys.Contains(property.Name, StringComparer.OrdinalIgnoreCase))
            {
                reader.Add($"{path}:{property.Name}", $"is not a key of {what} (allowed: {string.Join(", ", keys)})");
            }
            else if (!values.TryAdd(property.Name, property.Value))
            {
                reader.Add($"{path}:{property.Name}", "is given more than once");
            }
        }

        return values;
    }

    private static int? ReadLevel(JsonElement value, string path, ConfigReader reader)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
        foreach (var (name, severity) in s_levels)
        {
            if (name.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return severity;
            }
        }

        reader.Add(path, $"{ConfigReader.Show(value)} is not a log level: {string.Join(", ", s_levels.Select(l => l.Name))}");
        return null;
    }

    /// <summary>An array of non-blank strings (prefixes, type names, attribute names), trimmed.</summary>
    private static List<string> Names(JsonElement value, string path, ConfigReader reader)
    {
        var names = new List<string>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            reader.Add(path, $"{ConfigReader.Show(value)} is not allowed: an array of strings");
            return names;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (reader.String(item, $"{path}:{index}") is { } text)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    reader.Add($"{path}:{index}", "is blank: give a name, or remove the entry");
                }
                else
                {
                    names.Add(text.Trim());
                }
            }

            index++;
        }

        return names;
    }
}
