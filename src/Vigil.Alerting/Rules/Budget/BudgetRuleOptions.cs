using System.ComponentModel;

namespace Vigil.Alerting.Rules.Budget;

/// <summary>
/// A budget rule as configured: it fires while a budget of the budget file (<c>Alerts:BudgetsFile</c>) is over
/// (<c>"Budget": { "Name": "dotnet build" }</c>), judged as <c>vigil budgets check</c> judges it.
/// </summary>
[Description("a budget rule's Budget section")]
public sealed class BudgetRuleOptions
{
    /// <summary>
    /// The budget: its <c>command</c> (or <c>build</c>, <c>project</c>, <c>operation</c>, <c>span</c>) exactly as
    /// the budget file writes it, patterns included (<c>dotnet test*</c>). Every budget of that name is judged.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The <c>service.name</c> <c>vigil exec</c> recorded the runs under (<c>vigil exec --service</c>; default <c>vigil-exec</c>).</summary>
    public string? ExecService { get; set; }
}
