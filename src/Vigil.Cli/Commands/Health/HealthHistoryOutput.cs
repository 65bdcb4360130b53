using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Commands.Alerts;
using Vigil.Cli.Output;
using Vigil.Cli.Parsing;
using Vigil.Model;
using Vigil.Server.Api;

namespace Vigil.Cli.Commands.Health;

/// <summary>
/// <c>vigil health --history</c>: each check's and probe's recent results. As text, one row per check with its counts
/// by status and a strip of its results, oldest first: <c>.</c> healthy, <c>d</c> degraded, <c>X</c> unhealthy, so a
/// bad spell shows without colour too. As JSON, the query API's <c>GET /api/health/history</c> items, one per line.
/// </summary>
internal static class HealthHistoryOutput
{
    /// <summary>The strip's character for each status.</summary>
    public static char Mark(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => '.',
        HealthStatus.Degraded => 'd',
        _ => 'X',
    };

    public static void WriteJson(TextWriter output, IReadOnlyList<HealthHistory> histories) =>
        ContractJson.WriteLines(output, histories.Select(h => h.ToApi()));

    public static void WriteText(IAnsiConsole console, Palette palette, IReadOnlyList<HealthHistory> histories)
    {
        if (histories.Count == 0)
        {
            console.Write(new StyledLine().Append("no health results in the range", palette.Dim));
            return;
        }

        var table = new TextTable("KIND", "SERVICE", "NAME", ">RESULTS", ">HEALTHY", ">DEGRADED", ">UNHEALTHY", "HISTORY (oldest first)");
        foreach (var history in histories)
        {
            var results = history.Results;
            var worst = results.Max(r => r.Status);
            table.AddRow(
                (HealthKindParser.Name(history.Kind), palette.Dim),
                (history.ServiceName ?? "-", palette.Service),
                (history.Name, Style.Plain),
                (Count(results.Count), Style.Plain),
                (Count(results.Count(r => r.Status == HealthStatus.Healthy)), Style.Plain),
                (Count(results.Count(r => r.Status == HealthStatus.Degraded)), Style.Plain),
                (Count(results.Count(r => r.Status == HealthStatus.Unhealthy)), Style.Plain),
                (new string([.. results.Reverse().Select(r => Mark(r.Status))]), worst switch
                {
                    HealthStatus.Healthy => palette.Ok,
                    HealthStatus.Degraded => palette.Warning,
                    _ => palette.Error,
                }));
        }

        table.Write(console, palette);
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
