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
    /// <c>;</c>, as the OpenTelemetry compatibility specification says. Names no attribute may take get
    /// <c>exported_</c> before them: <c>__</c>... (Prometheus's own), <c>quantile</c> and <c>le</c> (the labels the
    /// format gives a summary's and a histogram's samples, which promtool refuses on any other type). A family's own
    /// <c>le</c> or <c>quantile</c> is added after, with <see cref="WithLabel"/>.
    /// </summary>
    /// <param name="labels">Attribute keys and values.</param>
    /// <returns>The label pairs, or an empty string when there are none.</returns>
    public static string LabelSet(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var merged = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var name = Label(key);
            if (name.StartsWith("__", StringComparison.Ordinal) || name is "quantile" or "le")
            {
                name = "exported_" + name.TrimStart('_');
            }

            merged[name] = merged.TryGetValue(name, out var existing) ? existing + ";" + value : value;
        }

        return string.Join(',', merged.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""));
    }

    /// <summary>A label set (<see cref="LabelSet"/>) with one more label after it: a histogram's <c>le</c>, a summary's <c>quantile</c>.</summary>
    /// <param name="labels">The inside of the braces, or empty.</param>
    /// <param name="name">The label's name, already valid.</param>
    /// <param name="value">Its value, escaped here.</param>
    /// <returns>The label pairs.</returns>
    public static string WithLabel(string labels, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var pair = $"{name}=\"{EscapeLabelValue(value)}\"";
        return labels.Length == 0 ? pair : labels + "," + pair;
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
