using System.Globalization;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Model.Text;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// The table of <c>vigil metrics</c> (the other formats export each series' latest point: <see cref="ExportMetricsHandler"/>).
/// Lists every metric: name, kind, unit, series count, its reading (a counter's rate, a gauge's last
/// value, a histogram's p95: see <see cref="MetricReading"/>) and when it was last recorded.
/// </summary>
internal sealed class ListMetricsHandler
{
    private readonly CliContext _context;
    private readonly IQueryStore _store;
    private readonly Palette _palette;
    /// <summary>Creates the handler.</summary>
    public ListMetricsHandler(CliContext context, IQueryStore store, Palette palette)
    {
        _context = context;
        _store = store;
        _palette = palette;
    }

    /// <summary>Lists the metrics whose name matches <paramref name="filter"/> (a <see cref="NamePattern"/>; null for all).</summary>
    public async Task<int> RunAsync(string? filter, CancellationToken cancellationToken)
    {
        var metrics = await _store.ListMetricsAsync(cancellationToken).ConfigureAwait(false);
        if (filter is not null)
        {
            metrics = [.. metrics.Where(m => NamePattern.IsMatch(filter, m.Name))];
        }

        if (metrics.Count == 0)
        {
            await _context.Stderr.WriteLineAsync(filter is null ? "No metrics yet." : $"No metric matches '{filter}'.").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        WriteTable(metrics);
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
}
