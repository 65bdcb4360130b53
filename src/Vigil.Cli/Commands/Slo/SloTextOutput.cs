using Spectre.Console;
using Vigil.Alerting.Slos;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Slo;

/// <summary>
/// The text form: one table of the SLOs (attainment and budget over the window), then one of their burn-rate alerts
/// (each window's burn rate, and whether the alert's condition holds now).
/// </summary>
internal static class SloTextOutput
{
    public static void Write(IAnsiConsole console, Palette palette, IReadOnlyList<SloStatus> statuses)
    {
        var slos = new TextTable("SLO", "SERVICE", ">OBJECTIVE", "WINDOW", ">ATTAINMENT", ">BUDGET LEFT", "INDICATOR");
        foreach (var status in statuses)
        {
            var budgetStyle = status.BudgetRemaining is { } left ? (left <= 0 ? palette.Error : left < 0.25 ? palette.Warning : palette.Ok) : palette.Dim;
            slos.AddRow(
                (status.Slo.Name, Style.Plain),
                (status.Slo.Service, palette.Service),
                (SloNumbers.Percent(status.Slo.Objective), Style.Plain),
                (Window(status.Slo.Window), Style.Plain),
                (SloNumbers.Percent(status.Attainment), status.Attainment is null ? palette.Dim : Style.Plain),
                (SloNumbers.Percent(status.BudgetRemaining), budgetStyle),
                (status.Slo.Indicator.Description, palette.Dim));
        }

        slos.Write(console, palette);
        console.WriteLine();
        var alerts = new TextTable("SLO", "SEVERITY", ">ABOVE", "LONG", ">BURN", "SHORT", ">BURN", "STATE");
        foreach (var status in statuses)
        {
            foreach (var alert in status.Alerts)
            {
                alerts.AddRow(
                    (status.Slo.Name, Style.Plain),
                    (alert.Alert.Severity, Style.Plain),
                    (SloNumbers.Burn(alert.Alert.Factor), Style.Plain),
                    (Window(alert.Alert.LongWindow), Style.Plain),
                    (SloNumbers.Burn(alert.LongBurnRate), Style.Plain),
                    (Window(alert.Alert.ShortWindow), Style.Plain),
                    (SloNumbers.Burn(alert.ShortBurnRate), Style.Plain),
                    alert.IsActive ? ("burning", palette.Error) : alert.LongBurnRate is null ? (SloNumbers.NoTraffic, palette.Dim) : ("ok", palette.Ok));
            }
        }

        alerts.Write(console, palette);
    }

    private static string Window(TimeSpan window) => DurationFormatter.Format(window);
}
