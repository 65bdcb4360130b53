namespace Vigil.Alerting.Budgets;

/// <summary>
/// A budget file found the way every Vigil host finds it: a configured path relative to a directory (the
/// configuration file's), else <c>vigil.budgets.json</c>, else <c>vigil.json</c>, in that directory, as
/// <c>vigil budgets check</c> looks with no <c>--file</c>.
/// </summary>
public sealed class BudgetFileSource : IBudgetSource
{
    private readonly string _directory;
    private readonly string? _configured;

    /// <summary>Creates a source.</summary>
    /// <param name="directory">The directory relative paths are read from.</param>
    /// <param name="budgetsFile">The configured file, relative to <paramref name="directory"/>; null or blank for the default.</param>
    public BudgetFileSource(string directory, string? budgetsFile)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = Path.GetFullPath(directory);
        _configured = string.IsNullOrWhiteSpace(budgetsFile) ? null : Path.GetFullPath(budgetsFile.Trim(), _directory);
    }

    /// <inheritdoc />
    // The default is looked for at each read: vigil.budgets.json may appear after start, and then takes precedence.
    public string BudgetsFile => _configured ?? BudgetFile.DefaultPath(_directory);

    /// <inheritdoc />
    public bool IsConfigured => _configured is not null;
}
