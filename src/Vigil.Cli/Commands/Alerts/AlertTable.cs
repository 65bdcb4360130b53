using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;
using Vigil.Model;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>The table of <c>vigil alerts</c>: id, state, rule, since when, value against threshold, labels, who acknowledged.</summary>
internal static class AlertTable
{
    public static void Write(CliContext context, Palette palette, IReadOnlyList<AlertInstance> alerts)
    {
        var now = context.Clock.GetUtcNow();
        var table = new TextTable(">ID", "STATE", "RULE", "SINCE", ">VALUE", ">THRESHOLD", "LABELS", "ACK");
        foreach (var alert in alerts)
        {
            table.AddRow(
                (alert.Id.ToString(CultureInfo.InvariantCulture), palette.Header),
                AlertText.State(alert.State, palette),
                (alert.RuleName, Style.Plain),
                (RelativeTimeFormatter.Relative(AlertText.Since(alert), now), palette.Dim),
                (NumberFormatter.Human(alert.Value), Style.Plain),
                (NumberFormatter.Human(alert.Threshold), palette.Dim),
                (AlertText.Labels(alert.Labels), palette.Service),
                (alert.Acknowledgement?.By ?? "-", palette.Dim));
        }

        table.Write(context.Stdout, palette, context.StdoutIsTerminal ? context.Stdout.Profile.Width : null);
    }
}
