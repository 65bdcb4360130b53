namespace Vigil.Alerting.Budgets;

/// <summary>
/// Where a host's budgets are declared, for whatever reports on them (the MCP tool <c>list_budgets</c>): the
/// server's <c>Alerts:BudgetsFile</c>, or the file <c>vigil budgets check</c> reads by default. The file is read
/// again at every report, so an edit shows at once.
/// </summary>
public interface IBudgetSource
{
    /// <summary>The budget file's absolute path, as it resolves now.</summary>
    string BudgetsFile { get; }

    /// <summary>Whether the file was configured (<c>Alerts:BudgetsFile</c>), rather than the default one.</summary>
    bool IsConfigured { get; }
}
