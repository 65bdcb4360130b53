using System.Globalization;
using Vigil.Alerting.Budgets;
using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Alerting.Rules.Budget;

/// <summary>
/// Judges the rule's budgets as <c>vigil budgets check</c> does (the same run history and evaluator), one sample per
/// limit: the value is what was measured (seconds, bytes or a ratio), the threshold the limit, and the condition holds
/// while the limit is over. Too few runs to judge never holds: its sample has no value, and its detail says so.
/// </summary>
/// <remarks>
/// Each evaluation reads the recorded runs back (up to <see cref="ExecRunHistory.MaxTraces"/> traces per service, and
/// each of those traces' spans), so a budget rule wants an interval of minutes, not the default seconds.
/// </remarks>
internal sealed class BudgetCondition(BudgetRuleSettings settings) : IRuleCondition
{
    public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runs = await ExecRunHistory.ReadAsync(context.Reader, settings.Budgets, settings.ExecService, cancellationToken).ConfigureAwait(false);
        var samples = new List<RuleSample>();
        foreach (var budget in settings.Budgets)
        {
            foreach (var check in BudgetEvaluator.Evaluate([budget], runs))
            {
                samples.Add(new RuleSample
                {
                    Labels = BudgetLabels.Of(budget, check),
                    Value = check.Actual,
                    Threshold = check.KnownLimit,
                    IsActive = check.Status == BudgetStatus.Over,
                    Evidence = new AlertEvidence { Detail = Detail(budget, check), TraceId = check.RunTraceIds.Count > 0 ? check.RunTraceIds[0] : null },
                });
            }
        }

        return samples;
    }

    /// <summary>One line of what was judged: the measurement against the limit and over how many runs, or why there was none.</summary>
    internal static string Detail(BudgetDefinition budget, BudgetCheck check)
    {
        var runs = check.RunTraceIds.Count;
        if (check.Status == BudgetStatus.TooFewRuns)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{check.Limit}: too few runs to judge ({runs} found; minRuns is {budget.MinRuns}, the window {budget.Runs})");
        }

        var over = check.OverBy is { } overBy ? string.Create(CultureInfo.InvariantCulture, $" (+{overBy * 100:0.#}%)") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{check.Limit} {Show(check.Actual ?? 0, check.Unit)} against {Show(check.LimitValue, check.Unit)}{over}, {runs} {(runs == 1 ? "run" : "runs")} judged, newest trace {check.RunTraceIds[0]}");
    }

    private static string Show(double value, string unit) => unit switch
    {
        BudgetEvaluator.Seconds => string.Create(CultureInfo.InvariantCulture, $"{value:0.###}s"),
        BudgetEvaluator.Bytes => ByteSizeGrammar.Format(value),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.#}%"),
    };
}
