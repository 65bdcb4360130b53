using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Storage.Logs;

namespace Vigil.Cli.Commands.Logs;

/// <summary>
/// <c>vigil logs --patterns</c>: the records read, grouped by <see cref="LogPatterns"/> (the same grouping as the
/// dashboard's patterns mode and <c>GET /api/logs/patterns</c>), as a table for humans or one JSON object per pattern.
/// </summary>
internal static class LogPatternOutput
{
    public static void WriteText(IAnsiConsole console, Palette palette, IReadOnlyList<LogPattern> patterns, int scanned, bool complete)
    {
        var table = new TextTable(">COUNT", ">SHARE", "LEVEL", "SERVICES", "PATTERN");
        foreach (var pattern in patterns)
        {
            var share = scanned == 0 ? 0 : 100.0 * pattern.Count / scanned;
            table.AddRow(
                (pattern.Count.ToString(CultureInfo.InvariantCulture), Style.Plain),
                (share.ToString(share < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%", palette.Dim),
                (LevelNames.Short(pattern.MaxSeverityNumber), palette.Level(pattern.MaxSeverityNumber)),
                (pattern.Services.Count == 0 ? "-" : string.Join(',', pattern.Services), palette.Service),
                (pattern.Pattern.Length == 0 ? "(empty body)" : pattern.Pattern, Style.Plain));
        }

        table.Write(console, palette);
        console.WriteLine(Summary(patterns.Count, scanned, complete));
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<LogPattern> patterns)
    {
        var lines = new JsonLines(output);
        foreach (var pattern in patterns)
        {
            lines.Write(json =>
            {
                json.WriteString("pattern", pattern.Pattern);
                json.WriteNumber("count", pattern.Count);
                json.WriteString("level", LevelNames.Short(pattern.MaxSeverityNumber));
                json.WriteNumber("maxSeverityNumber", pattern.MaxSeverityNumber);
                json.WriteStartArray("services");
                foreach (var service in pattern.Services)
                {
                    json.WriteStringValue(service);
                }

                json.WriteEndArray();
                json.WriteString("firstSeen", pattern.FirstSeen);
                json.WriteString("lastSeen", pattern.LastSeen);
                json.WriteString("search", LogPatterns.LongestLiteral(pattern.Pattern));
                json.WriteString("example", pattern.Newest.Body);
                json.WriteNumber("exampleSequence", pattern.Newest.Sequence);
            });
        }

        lines.Flush();
    }

    /// <summary>What was read: all matching records, or only the newest (so a reader knows the counts are partial).</summary>
    public static string Summary(int patterns, int scanned, bool complete) =>
        string.Create(CultureInfo.InvariantCulture, $"{patterns} {(patterns == 1 ? "pattern" : "patterns")} in {(complete ? "all" : "the newest")} {scanned} {(scanned == 1 ? "record" : "records")}")
        + (complete ? "." : " (older records not counted; raise --limit to read more).");
}
