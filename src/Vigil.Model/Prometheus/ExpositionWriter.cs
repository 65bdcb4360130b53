using System.Text;

namespace Vigil.Model.Prometheus;

/// <summary>
/// Writes families in the Prometheus text format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/) or in OpenMetrics 1.0
/// (https://github.com/prometheus/OpenMetrics/blob/main/specification/OpenMetrics.md), which differs in
/// three ways that matter here: a counter family is named without <c>_total</c>, help escapes quotes,
/// and the exposition ends with <c># EOF</c>.
/// </summary>
internal static class ExpositionWriter
{
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static string Write(IEnumerable<ExpositionFamily> families, bool openMetrics)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            var familyName = openMetrics && family.Type == "counter" && family.Name.EndsWith("_total", StringComparison.Ordinal)
                ? family.Name[..^"_total".Length]
                : family.Name;
            var help = PrometheusNames.EscapeHelp(family.Help);
            if (openMetrics)
            {
                help = help.Replace("\"", "\\\"", StringComparison.Ordinal);
            }

            text.Append("# HELP ").Append(familyName).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(familyName).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                text.Append(family.Name).Append(sample.Suffix);
                if (sample.Labels.Length > 0)
                {
                    text.Append('{').Append(sample.Labels).Append('}');
                }

                text.Append(' ').Append(PrometheusNames.Value(sample.Value)).Append('\n');
            }
        }

        if (openMetrics)
        {
            text.Append("# EOF\n");
        }

        return text.ToString();
    }
}
