using Spectre.Console;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// The text form: one table of the SLOs (attainment and budget over the window), then one of their burn-rate alerts
/// (each window's burn rate, and whether the alert's condition holds now).
/// </summary>
internal static class SloTextOutput
{
    public static void Write(IAnsiConsole console, Palette palette, IReadOnlyList<ApiSlo> slos)
    {
        var table = new TextTable("SLO", "SERVICE", ">OBJECTIVE", "WINDOW", ">ATTAINMENT", ">BUDGET LEFT", "INDICATOR");
        foreach (var slo in slos)
        {
            var budgetStyle = slo.BudgetRemaining is { } left ? (left <= 0 ? palette.Error : left < 0.25 ? palette.Warning : palette.Ok) : palette.Dim;
            table.AddRow(
                (slo.Name, Style.Plain),
                (slo.Service, palette.Service),
                (SloNumbers.Percent(slo.Objective), Style.Plain),
                (Window(slo.Window), Style.Plain),
                (SloNumbers.Percent(slo.Attainment), slo.Attainment is null ? palette.Dim : Style.Plain),
                (SloNumbers.Percent(slo.BudgetRemaining), budgetStyle),
                (slo.Indicator, palette.Dim));
        }

        table.Write(console, palette);
        console.WriteLine();
        var alerts = new TextTable("SLO", "SEVERITY", ">ABOVE", "LONG", ">BURN", "SHORT", ">BURN", "STATE");
        foreach (var slo in slos)
        {
            foreach (var alert in slo.Alerts)
            {
                alerts.AddRow(
                    (slo.Name, Style.Plain),
                    (alert.Severity, Style.Plain),
                    (SloNumbers.Burn(alert.Factor), Style.Plain),
                    (Window(alert.LongWindow.Length), Style.Plain),
                    (SloNumbers.Burn(alert.LongWindow.BurnRate), Style.Plain),
                    (Window(alert.ShortWindow.Length), Style.Plain),
                    (SloNumbers.Burn(alert.ShortWindow.BurnRate), Style.Plain),
                    alert.Active ? ("burning", palette.Error) : alert.LongWindow.BurnRate is null ? (SloNumbers.NoTraffic, palette.Dim) : ("ok", palette.Ok));
            }
        }

        alerts.Write(console, palette);
    }

    private static string Window(TimeSpan window) => DurationFormatter.Format(window);
}
