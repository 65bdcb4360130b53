using Vigil.Alerting.Budgets;

namespace Vigil.Alerting.Configuration;

/// <summary>Where <c>budget</c> rules (and the MCP tool <c>list_budgets</c>) find the budgets they name.</summary>
public sealed partial class AlertingSection
{
    /// <summary>
    /// The budget file, in any form <c>vigil budgets check --file</c> reads (a budget file, a <c>vigil.json</c> with
    /// a <c>budgets</c> section, a <c>thresholds.json</c>), relative to the configuration file. Unset: the file
    /// <c>vigil budgets check</c> reads by default, <c>vigil.budgets.json</c> (else <c>vigil.json</c>) beside the
    /// configuration file, or in the working directory when there is none. Read only when a rule needs it.
    /// </summary>
    public string? BudgetsFile { get; set; }

    /// <summary>Where this section's budgets are: <see cref="BudgetsFile"/> relative to the configuration file, or the default there.</summary>
    /// <param name="configurationFile">The configuration file; null for the working directory.</param>
    /// <returns>The source.</returns>
    public IBudgetSource BudgetSource(string? configurationFile) =>
        new BudgetFileSource(ConfigurationDirectory.Of(configurationFile), BudgetsFile);
}
