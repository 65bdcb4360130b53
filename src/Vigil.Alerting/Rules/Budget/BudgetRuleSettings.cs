using Vigil.Alerting.Budgets;
using Vigil.Alerting.Rules.Conditions;
using Vigil.Storage.Builds;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Rules.Budget;

/// <summary>A budget rule's fields, read and checked once, with the budgets it names from the load's budget file.</summary>
internal sealed record BudgetRuleSettings
{
    public string ExecService { get; init; } = ExecSemantics.DefaultServiceName;

    /// <summary>The budgets of that name, in file order.</summary>
    public IReadOnlyList<BudgetDefinition> Budgets { get; init; } = [];

    public static BudgetRuleSettings Read(AlertRuleOptions rule, string rulePath, RuleLoadContext context, List<ConfigurationProblem> problems)
    {
        var path = rulePath + ":" + BudgetRuleKind.SectionName;
        if (rule.Budget is not { } options)
        {
            problems.Add(new(path, "is missing: a budget rule needs a Budget section naming a budget of the budget file, e.g. \"Budget\": { \"Name\": \"dotnet build\" }"));
            return new BudgetRuleSettings();
        }

        var service = ConditionFields.Name(options.ExecService, required: false, "a service name", path + ":ExecService", problems);
        var name = ConditionFields.Name(options.Name, required: true, "the name of a budget in the budget file (its command, build, project, operation or span)", path + ":Name", problems);
        if (name is null)
        {
            return new BudgetRuleSettings();
        }

        // The file's own problems are reported at the rule that needs it, with the file's key paths inside the message.
        var catalog = context.Budgets;
        var where = context.BudgetsFileSet ? $"Alerts:BudgetsFile ({catalog.Path})" : $"the default budget file ({catalog.Path}; set Alerts:BudgetsFile to read another)";
        if (!catalog.Exists)
        {
            problems.Add(new(path + ":Name", $"budget {ConfigurationText.Show(name)}: {where} does not exist"));
            return new BudgetRuleSettings();
        }

        if (catalog.Problems.Count > 0)
        {
            // Each of the file's problems starts with its path, so the file is named once per problem, not again here.
            problems.Add(new(path + ":Name", $"budget {ConfigurationText.Show(name)}: {(context.BudgetsFileSet ? "Alerts:BudgetsFile" : "the default budget file")} cannot be used: {string.Join("; ", catalog.Problems)}"));
            return new BudgetRuleSettings();
        }

        var budgets = catalog.Named(name);
        if (budgets.Count == 0)
        {
            var known = string.Join(", ", catalog.Budgets.Select(b => b.Command).Distinct(StringComparer.Ordinal).Select(ConfigurationText.Show));
            problems.Add(new(path + ":Name", $"{ConfigurationText.Show(name)} is not a budget in {where}: {(known.Length > 0 ? "its budgets are " + known : "it declares none")}"));
            return new BudgetRuleSettings();
        }

        // Each limit is one instance, by its labels: two budgets that would share them cannot both be alerted on.
        var identities = budgets.SelectMany(b => BudgetEvaluator.Evaluate([b], []).Select(c => BudgetLabels.Of(b, c))).ToList();
        if (identities.Distinct().Count() < identities.Count)
        {
            problems.Add(new(path + ":Name", $"{ConfigurationText.Show(name)} names budgets in {where} that set the same limit for the same percentile, branch and service: a rule alerts on each limit once, so merge them or give one a branch"));
            return new BudgetRuleSettings();
        }

        return new BudgetRuleSettings { ExecService = service ?? ExecSemantics.DefaultServiceName, Budgets = budgets };
    }
}
