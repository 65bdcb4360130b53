using Vigil.Alerting.Budgets;

namespace Vigil.Alerting.Rules;

/// <summary>
/// What one load of the rules (a start or a reload) may read beyond the rules themselves: the budget file that
/// <c>budget</c> rules name budgets of, found relative to the configuration file's directory. The
/// file is read at most once per load, when the first rule asks, so validation and the conditions built from it see
/// the same budgets, and a server with no budget rule never reads (or complains about) a budget file.
/// </summary>
internal sealed class RuleLoadContext
{
    private readonly Lazy<BudgetCatalog> _budgets;

    /// <summary>Creates the context of one load.</summary>
    /// <param name="directory">The configuration file's directory, or the working directory without one.</param>
    /// <param name="budgetsFile">
    /// <c>Alerts:BudgetsFile</c> as configured, relative to <paramref name="directory"/>; null for the file
    /// <c>vigil budgets check</c> reads there by default (<c>vigil.budgets.json</c>, else <c>vigil.json</c>).
    /// </param>
    public RuleLoadContext(string directory, string? budgetsFile)
    {
        // One resolution for every host (BudgetFileSource), taken once: the whole load reads the same file.
        var source = new BudgetFileSource(directory, budgetsFile);
        BudgetsFileSet = source.IsConfigured;
        BudgetsFile = source.BudgetsFile;
        _budgets = new Lazy<BudgetCatalog>(() => BudgetCatalog.Read(BudgetsFile));
    }

    /// <summary>The budget file's absolute path.</summary>
    public string BudgetsFile { get; }

    /// <summary>Whether <see cref="BudgetsFile"/> was configured (<c>Alerts:BudgetsFile</c>) rather than the default.</summary>
    public bool BudgetsFileSet { get; }

    /// <summary>The budget file, read on first use.</summary>
    public BudgetCatalog Budgets => _budgets.Value;

    /// <summary>Whether a rule read the budget file in this load, so a change to it should reload the rules.</summary>
    public bool ReadBudgets => _budgets.IsValueCreated;
}
