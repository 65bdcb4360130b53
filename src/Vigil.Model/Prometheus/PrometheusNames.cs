using System.Globalization;
using System.Text;

namespace Vigil.Model.Prometheus;

/// <summary>
/// Turns OpenTelemetry metric and attribute names into Prometheus names, following the
/// OpenTelemetry-to-Prometheus compatibility rules
/// (https://opentelemetry.io/docs/specs/otel/compatibility/prometheus_and_openmetrics/):
/// invalid characters become <c>_</c>, the unit becomes a suffix, counters end in <c>_total</c>; a gauge that would end
/// in a histogram sample's suffix (<c>_count</c>, <c>_sum</c>, <c>_bucket</c>) gets <c>_value</c> after it.
/// camelCase is split into snake_case because <c>promtool check metrics</c> rejects it.
/// Shared by <c>vigil metrics --format prometheus</c> and the server's <c>/metrics</c>.
/// </summary>
public static class PrometheusNames
{
    // The suffixes of a histogram's and a summary's own samples.
    private static readonly string[] s_sampleSuffixes = ["_count", "_sum", "_bucket"];

    /// <summary>
    /// The inside of a sample's braces (<c>a="1",b="2"</c>) for a set of attributes, sorted by name.
    /// Keys that sanitize to the same name (<c>http.route</c>, <c>http_route</c>) are merged with
    /// <c>;</c>, as the OpenTelemetry compatibility specification says; reserved names are prefixed.
    /// </summary>
    /// <param name="labels">Attribute keys and values.</param>
    /// <param name="isSummary">True when the sample is a summary's, whose own label is <c>quantile</c>.</param>
    /// <returns>The label pairs, or an empty string when there are none.</returns>
    public static string LabelSet(IEnumerable<KeyValuePair<string, string>> labels, bool isSummary)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var name = Label(key);
            if (name.StartsWith("__", StringComparison.Ordinal) || (isSummary && name == "quantile"))
            {
                // "__" names are reserved for Prometheus itself; "quantile" is the summary's own label.
                name = "exported_" + name.TrimStart('_');
            }

            merged[name] = merged.TryGetValue(name, out var existing) ? existing + ";" + value : value;
        }

        return string.Join(',', merged.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""));
    }

    /// <summary>A sample value as the exposition format spells it: round-trip digits, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its text.</returns>
    public static string Value(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The Prometheus metric name for an OpenTelemetry metric.</summary>
    public static string Metric(string name, PrometheusUnit unit, bool isCounter, bool isGauge)
    {
        var result = Sanitize(name, allowColon: true);
        var suffix = unit.Suffix ?? (isGauge && unit.IsRatio ? "ratio" : null);
        if (suffix is not null && !result.EndsWith("_" + suffix, StringComparison.Ordinal) && !result.EndsWith("_" + suffix + "_total", StringComparison.Ordinal))
        {
            if (isCounter && result.EndsWith("_total", StringComparison.Ordinal))
            {
                result = result[..^"_total".Length];
            }

            result += "_" + suffix;
        }

        if (isCounter && !result.EndsWith("_total", StringComparison.Ordinal))
        {
            result += "_total";
        }

        // A gauge named like a histogram's or summary's own samples (dotnet.assembly.count, the runtime's) would read
        // as one of them, and promtool refuses it; it keeps its name with "_value" after it.
        if (isGauge && s_sampleSuffixes.Any(sample => result.EndsWith(sample, StringComparison.Ordinal)))
        {
            result += "_value";
        }

        return result;
    }

    /// <summary>The Prometheus label name for an attribute key.</summary>
    public static string Label(string key) => Sanitize(key, allowColon: false);

    /// <summary>Escapes a label value: backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Escapes HELP text: backslash and line feed.</summary>
    public static string EscapeHelp(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                // fooBar -> foo_bar; HTTPServer -> http_server.
                var afterLowerOrDigit = i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]));
                var endOfAcronym = i > 0 && char.IsAsciiLetterUpper(name[i - 1]) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]);
                if ((afterLowerOrDigit || endOfAcronym) && builder.Length > 0 && builder[^1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':'))
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != '_')
            {
                // Runs of invalid characters collapse to one underscore (http.server -> http_server).
                builder.Append('_');
            }
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
