using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Metrics;

/// <summary>
/// Under a metric's table, the newest of its exemplars in the range: each a value the metric was made from, with the
/// trace and span it was recorded in, and the command that opens that trace, so a slow bucket leads to its request.
/// </summary>
internal static class ExemplarTableOutput
{
    /// <summary>How many are shown: enough to pick a trace from, few enough not to bury the table.</summary>
    public const int Shown = 5;

    /// <summary>Writes <paramref name="result"/>'s exemplars that name a trace; nothing when none does.</summary>
    public static void Write(IAnsiConsole console, Palette palette, CliContext context, ExemplarQueryResult result)
    {
        var linked = result.Exemplars.Where(e => e.Exemplar.TraceId is not null).ToList();
        if (linked.Count == 0)
        {
            return;
        }

        console.Write(new StyledLine());
        var more = result.Truncated || linked.Count > Shown ? $"the newest {Math.Min(Shown, linked.Count)}" : "all";
        console.Write(new StyledLine().Append("Exemplars", palette.Header).Append($"  {more} in the range: recorded values and the spans they were recorded in", palette.Dim));
        var table = new TextTable(["TIME", ">VALUE", "SERIES", "TRACE", "SPAN"]);
        foreach (var exemplar in linked.Take(Shown))
        {
            table.AddRow(
                (TimeZoneInfo.ConvertTime(exemplar.Exemplar.Timestamp, context.Clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), palette.Dim),
                (NumberFormatter.Human(exemplar.Exemplar.Value), Style.Plain),
                (LabelText.Format(MetricGroupLabels.For(exemplar.Series, groupBy: null)), palette.Service),
                (exemplar.Exemplar.TraceId!, Style.Plain),
                (exemplar.Exemplar.SpanId ?? string.Empty, palette.Dim));
        }

        table.Write(console, palette);
        console.Write(new StyledLine().Append($"Open one with: {context.Runnable("vigil traces")} {linked[0].Exemplar.TraceId}", palette.Dim));
    }
}
