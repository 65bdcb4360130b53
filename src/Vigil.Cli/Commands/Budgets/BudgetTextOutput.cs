using System.Globalization;
using Spectre.Console;
using Vigil.Alerting.Budgets;
using Vigil.Cli.Output;
using Vigil.Model.Text;

namespace Vigil.Cli.Commands.Budgets;

/// <summary>The table <c>vigil budgets check</c> prints: one row per limit, with what was measured and by how much it is over.</summary>
internal static class BudgetTextOutput
{
    public static void Write(IAnsiConsole console, Palette palette, IReadOnlyList<BudgetCheck> checks)
    {
        var table = new TextTable("STATUS", "COMMAND", "LIMIT", ">MAX", ">ACTUAL", ">OVER BY", ">RUNS", "LATEST TRACE");
        foreach (var check in checks)
        {
            var (status, style) = check.Status switch
            {
                BudgetStatus.Over => ("OVER", palette.Error),
                BudgetStatus.TooFewRuns => ("TOO FEW RUNS", palette.Warning),
                _ => ("ok", palette.Ok),
            };
            table.AddRow(
                (status, style),
                (check.Command, Style.Plain),
                (check.Limit, Style.Plain),
                (Format(check.LimitValue, check.Unit), Style.Plain),
                (check.Actual is { } actual ? Format(actual, check.Unit) : "-", Style.Plain),
                (check.OverBy is { } overBy ? $"+{overBy * 100:0.#}%" : "-", check.OverBy is null ? Style.Plain : palette.Error),
                (check.RunTraceIds.Count.ToString(CultureInfo.InvariantCulture), Style.Plain),
                (check.RunTraceIds.Count > 0 ? check.RunTraceIds[0] : "-", palette.Dim));
        }

        table.Write(console, palette);
        var over = checks.Count(c => c.Status == BudgetStatus.Over);
        var tooFew = checks.Count(c => c.Status == BudgetStatus.TooFewRuns);
        console.WriteLine(
            over == 0
                ? $"{checks.Count} {(checks.Count == 1 ? "limit" : "limits")} checked: none over{(tooFew > 0 ? $", {tooFew} with too few runs to judge" : string.Empty)}."
                : $"{over} of {checks.Count} {(checks.Count == 1 ? "limit" : "limits")} over budget{(tooFew > 0 ? $"; {tooFew} with too few runs to judge" : string.Empty)}.");
    }

    /// <summary>A limit or measurement in its unit: a duration, a size in binary units, or a percentage.</summary>
    internal static string Format(double value, string unit) => unit switch
    {
        BudgetEvaluator.Seconds => DurationFormatter.Format(TimeSpan.FromSeconds(value)),
        BudgetEvaluator.Bytes => ByteSizeGrammar.Format(value),
        _ => $"{value * 100:0.#}%",
    };
}
