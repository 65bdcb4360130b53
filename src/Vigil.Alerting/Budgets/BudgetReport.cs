using Vigil.Storage;
using Vigil.Storage.Builds;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// Every budget of a budget file judged now against the recorded runs, as <c>vigil budgets check</c> judges them: one
/// <see cref="BudgetCheck"/> per limit, in file order. A file that is missing or cannot be used gives no checks, and
/// says which and why.
/// </summary>
public sealed record BudgetReport
{
    /// <summary>The budget file read (absolute).</summary>
    public required string File { get; init; }

    /// <summary>Whether the file exists.</summary>
    public required bool Exists { get; init; }

    /// <summary>Why the file cannot be used, each problem naming its key; empty when it was read.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Every limit of every budget, in file order.</summary>
    public IReadOnlyList<BudgetCheck> Checks { get; init; } = [];

    /// <summary>Reads the source's file and judges its budgets against <paramref name="reader"/>'s recorded runs.</summary>
    /// <param name="source">Where the budgets are declared.</param>
    /// <param name="reader">The store (or server) the runs were recorded in.</param>
    /// <param name="execService">The service.name <c>vigil exec</c> recorded under; null for its default, <c>vigil-exec</c>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report.</returns>
    public static async Task<BudgetReport> ReadAsync(IBudgetSource source, ITelemetryReader reader, string? execService, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reader);
        var catalog = BudgetCatalog.Read(source.BudgetsFile);
        if (catalog.Problems.Count > 0)
        {
            return new BudgetReport { File = catalog.Path, Exists = catalog.Exists, Problems = catalog.Problems };
        }

        var runs = await ExecRunHistory.ReadAsync(reader, catalog.Budgets, execService ?? ExecSemantics.DefaultServiceName, cancellationToken).ConfigureAwait(false);
        return new BudgetReport { File = catalog.Path, Exists = true, Checks = BudgetEvaluator.Evaluate(catalog.Budgets, runs) };
    }
}
