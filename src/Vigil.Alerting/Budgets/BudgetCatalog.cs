namespace Vigil.Alerting.Budgets;

/// <summary>
/// A budget file as a long-running reader (the rule engine, the MCP tools) sees it: its budgets, or every problem
/// that makes it unusable, a missing file included; it never throws, so each reader decides what a problem means.
/// </summary>
/// <param name="Path">The file's absolute path.</param>
/// <param name="Budgets">The budgets, in file order; empty when there are problems.</param>
/// <param name="Problems">Why the file cannot be used, each naming its key (as <c>vigil budgets check</c> says it).</param>
internal sealed record BudgetCatalog(string Path, IReadOnlyList<BudgetDefinition> Budgets, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the file was there at all.</summary>
    public bool Exists { get; init; } = true;

    /// <summary>Reads <paramref name="path"/> with <see cref="BudgetFile.Load"/>.</summary>
    public static BudgetCatalog Read(string path)
    {
        if (!File.Exists(path))
        {
            return new BudgetCatalog(path, [], [$"{path}: no such file"]) { Exists = false };
        }

        try
        {
            return new BudgetCatalog(path, BudgetFile.Load(path), []);
        }
        catch (BudgetFileException e)
        {
            return new BudgetCatalog(path, [], e.Problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BudgetCatalog(path, [], [$"{path}: cannot be read ({e.Message})"]);
        }
    }

    /// <summary>The budgets named <paramref name="name"/>: their <c>command</c> (or build, project, operation, span) as written.</summary>
    public IReadOnlyList<BudgetDefinition> Named(string name) =>
        [.. Budgets.Where(b => string.Equals(b.Command, name, StringComparison.Ordinal))];
}
