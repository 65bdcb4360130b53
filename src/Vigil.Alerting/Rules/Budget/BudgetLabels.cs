using Vigil.Alerting.Budgets;
using Vigil.Model;

namespace Vigil.Alerting.Rules.Budget;

/// <summary>
/// The labels of one budget rule instance: which budget (its name, kind, branch and service as the file writes them)
/// and which of its limits, by the file's key, so an instance keeps its identity however many runs were judged.
/// </summary>
internal static class BudgetLabels
{
    public static AlertLabels Of(BudgetDefinition budget, BudgetCheck check)
    {
        var labels = new List<KeyValuePair<string, string>>
        {
            new("budget", budget.Command),
            new("budget_kind", check.KindName),
            new("limit", check.LimitKey),
        };

        // Two duration budgets of one name may differ by percentile alone (p50 and p99 of Lib.csproj).
        if (check.LimitKey == "maxDuration")
        {
            labels.Add(new("percentile", budget.Percentile.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (budget.Branch is { } branch)
        {
            labels.Add(new("branch", branch));
        }

        if (budget.Service is { } service)
        {
            labels.Add(new("service", service));
        }

        return AlertLabels.From(labels);
    }
}
