using System.Globalization;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// Lists every metric: name, kind, unit, series count, its reading (a counter's rate, a gauge's last
/// value, a histogram's p95: see <see cref="MetricReading"/>) and when it was last recorded.
/// </summary>
internal sealed class ListMetricsHandler
{
    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    private readonly MetricFormat _format;

    /// <summary>Creates the handler.</summary>
    public ListMetricsHandler(CliContext context, IQueryStore store, Palette palette, MetricFormat format)
    {
        _context = context;
        _store = store;
        _palette = palette;
        _format = format;
    }

    /// <summary>Lists the metrics.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var metrics = await _store.ListMetricsAsync(cancellationToken).ConfigureAwait(false);
        switch (_format)
        {
            case MetricFormat.Json:
                WriteJson(metrics);
                break;
            case MetricFormat.Csv:
                Csv.WriteRow(_context.Data, ["name", "kind", "unit", "series", "reading", "readingKind", "latestTime", "description"]);
                foreach (var m in metrics)
                {
                    Csv.WriteRow(_context.Data,
                    [
                        m.Name, MetricShapes.DisplayName(m.Kind), m.Unit ?? string.Empty, m.SeriesCount.ToString(CultureInfo.InvariantCulture),
                        m.Reading is { } v ? NumberFormatter.Exact(v) : string.Empty, m.ReadingKind ?? string.Empty,
                        m.LatestTime?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty, m.Description ?? string.Empty,
                    ]);
                }

                _context.Data.Flush();
                break;
            default:
                if (metrics.Count == 0)
                {
                    await _context.Stderr.WriteLineAsync("No metrics yet.").ConfigureAwait(false);
                    break;
                }

                WriteTable(metrics);
                break;
        }

        return ExitCodes.Success;
    }

    private void WriteTable(IReadOnlyList<MetricSummary> metrics)
    {
        var now = _context.Clock.GetUtcNow();
        var table = new TextTable("NAME", "KIND", "UNIT", ">SERIES", ">LATEST", "UPDATED", "DESCRIPTION");
        foreach (var m in metrics)
        {
            table.AddRow(
                (m.Name, _palette.Header),
                (MetricShapes.DisplayName(m.Kind), _palette.Dim),
                (m.Unit ?? "-", Spectre.Console.Style.Plain),
                (m.SeriesCount.ToString(CultureInfo.InvariantCulture), Spectre.Console.Style.Plain),
                (Reading(m), Spectre.Console.Style.Plain),
                (m.LatestTime is { } t ? RelativeTimeFormatter.Relative(t, now) : "-", _palette.Dim),
                (m.Description ?? string.Empty, _palette.Dim));
        }

        table.Write(_context.Stdout, _palette);
    }

    // Says what the figure is, so 0.496 beside unit s reads as a p95 in seconds and 3.1 as a rate.
    private static string Reading(MetricSummary m) => m.Reading is not { } value
        ? "-"
        : m.ReadingKind == MetricReading.Rate ? $"{NumberFormatter.Human(value)}/s" : $"{m.ReadingKind} {NumberFormatter.Human(value)}";

    private void WriteJson(IReadOnlyList<MetricSummary> metrics)
    {
        var lines = new JsonLines(_context.Data);
        foreach (var m in metrics)
        {
            lines.Write(json =>
            {
                json.WriteString("name", m.Name);
                json.WriteString("kind", MetricShapes.DisplayName(m.Kind));
                json.WriteString("unit", m.Unit);
                json.WriteString("description", m.Description);
                json.WriteNumber("seriesCount", m.SeriesCount);
                json.WritePropertyName("reading");
                JsonAttributes.WriteReading(json, m.Reading);
                json.WriteString("readingKind", m.ReadingKind);
                if (m.LatestTime is { } t)
                {
                    json.WriteString("latestTime", t);
                }
                else
                {
                    json.WriteNull("latestTime");
                }
            });
        }

        lines.Flush();
    }
}
