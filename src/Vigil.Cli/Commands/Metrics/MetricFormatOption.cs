using System.CommandLine;
using Vigil.Cli.Options;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// <c>--format table|json|csv|prometheus|influx</c>, reconciled with the shared <c>--json</c> flag
/// (<c>--json</c> equals <c>--format json</c>; with any other format it is a usage error).
/// </summary>
internal sealed class MetricFormatOption
{
    /// <summary>The <c>--format</c> option.</summary>
    public Option<MetricFormat?> Format { get; } = ParsedOption.Single<MetricFormat>(
        "--format", "Output format: table (default), json, csv, prometheus (text exposition format) or influx (line protocol; without NAME only). Without NAME, every format but table exports each series' latest point. --json equals --format json.", "FORMAT", Parse);

    /// <summary>The format to write, given <paramref name="json"/> from <c>--json</c>.</summary>
    /// <exception cref="CliUsageException"><c>--json</c> with another <c>--format</c>.</exception>
    public MetricFormat Resolve(ParseResult parseResult, bool json)
    {
        var format = parseResult.GetValue(Format);
        if (!json)
        {
            return format ?? MetricFormat.Table;
        }

        return format is null or MetricFormat.Json
            ? MetricFormat.Json
            : throw new CliUsageException($"--json: conflicts with --format {format.Value.ToString().ToLowerInvariant()}");
    }

    private static bool Parse(string text, out MetricFormat format, out string? error)
    {
        format = text.Trim().ToUpperInvariant() switch
        {
            "TABLE" => MetricFormat.Table,
            "JSON" => MetricFormat.Json,
            "CSV" => MetricFormat.Csv,
            "PROMETHEUS" or "PROM" => MetricFormat.Prometheus,
            "INFLUX" => MetricFormat.Influx,
            _ => (MetricFormat)(-1),
        };
        error = Enum.IsDefined(format) ? null : $"'{text}' is not a format (use table, json, csv, prometheus or influx)";
        return error is null;
    }
}
