namespace Vigil.Alerting.Budgets;

/// <summary>A budget file that cannot be used: every problem, each naming its key.</summary>
internal sealed class BudgetFileException(IReadOnlyList<string> problems)
    : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
