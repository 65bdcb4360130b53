using Vigil.Model.Text;

namespace Vigil.Alerting.Budgets;

/// <summary>
/// One budget over the recent runs of a <c>vigil exec</c> task (or a build, project, operation or span, by
/// <see cref="Kind"/>): absolute limits over the last <see cref="Runs"/> runs,
/// and a relative one (the latest run against the median of those before it).
/// </summary>
internal sealed record BudgetDefinition
{
    /// <summary>The default window of recent runs.</summary>
    public const int DefaultRuns = 10;

    /// <summary>The default duration percentile.</summary>
    public const int DefaultPercentile = 95;

    /// <summary>The task name (or build, project, operation or span name), or a pattern with <c>*</c> (<c>dotnet *</c>).</summary>
    public required string Command { get; init; }

    /// <summary>What the runs are; the key that held <see cref="Command"/>.</summary>
    public BudgetKind Kind { get; init; } = BudgetKind.Command;

    /// <summary>Only runs recorded under this service.name (for operations and spans).</summary>
    public string? Service { get; init; }

    /// <summary>How many of the most recent runs are judged.</summary>
    public int Runs { get; init; } = DefaultRuns;

    /// <summary>Fewer runs than this are too few to judge, and say so.</summary>
    public int MinRuns { get; init; } = 1;

    /// <summary>Only runs on this git branch.</summary>
    public string? Branch { get; init; }

    /// <summary>Which percentile of the durations <see cref="MaxDuration"/> bounds: 50, 95 or 99.</summary>
    public int Percentile { get; init; } = DefaultPercentile;

    public TimeSpan? MaxDuration { get; init; }

    public long? MaxMemoryBytes { get; init; }

    public long? MaxOutputBytes { get; init; }

    /// <summary>The largest share of failed runs, from 0 to 1.</summary>
    public double? MaxErrorRate { get; init; }

    /// <summary>How much slower than the median of the runs before it the latest run may be, in percent.</summary>
    public double? MaxSlowerThanMedianPercent { get; init; }

    /// <summary>Whether <paramref name="run"/> is one of this budget's runs (its kind, name, service and branch).</summary>
    public bool Matches(ExecRun run) =>
        run.Kind == Kind
        && NamePattern.IsMatch(Command, run.TaskName)
        && (Service is null || string.Equals(run.Service, Service, StringComparison.Ordinal))
        && (Branch is null || string.Equals(run.Branch, Branch, StringComparison.Ordinal));
}
