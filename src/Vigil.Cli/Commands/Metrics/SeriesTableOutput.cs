using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>A metric's series for humans: per group, a heading with its labels and a row per bucket.</summary>
internal static class SeriesTableOutput
{
    /// <summary>Writes <paramref name="result"/>.</summary>
    public static void Write(IAnsiConsole console, Palette palette, TimeProvider clock, MetricQueryResult result, MetricShape shape)
    {
        var unit = string.IsNullOrEmpty(result.Unit) ? string.Empty : $"  unit {result.Unit}";
        console.Write(new StyledLine()
            .Append(result.Name, palette.Header)
            .Append($"  {MetricShapes.DisplayName(result.Kind ?? MetricKind.Gauge, shape)}{unit}  step {DurationFormatter.Format(result.Step)}", palette.Dim));

        var columns = MetricShapes.Columns(shape);
        foreach (var series in result.Series)
        {
            console.Write(new StyledLine());
            console.Write(new StyledLine().Append(LabelText.Format(series.Labels), palette.Service));
            var table = new TextTable(["TIME", .. columns.Select(c => ">" + (c.Note is null ? c.Name : $"{c.Name} ({c.Note})").ToUpperInvariant())]);
            foreach (var bucket in series.Buckets)
            {
                var cells = new List<(string, Style)> { (Time(bucket.Time, clock), palette.Dim) };
                cells.AddRange(columns.Select(c => (NumberFormatter.Human(c.Read(bucket)), Style.Plain)));
                table.AddRow([.. cells]);
            }

            table.Write(console, palette);
        }
    }

    private static string Time(DateTimeOffset time, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(time, clock.LocalTimeZone);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).Date;
        return local.ToString(local.Date == today ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
