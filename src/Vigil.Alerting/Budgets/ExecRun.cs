namespace Vigil.Alerting.Budgets;

/// <summary>
/// One recorded run as budgets judge it, read back from its span: a <c>vigil exec</c> run, or (by <see cref="Kind"/>)
/// a build, a project, a tracked operation or any span; memory, output size and branch are known for commands only.
/// </summary>
internal sealed record ExecRun(
    string TraceId,
    string TaskName,
    DateTimeOffset StartTime,
    TimeSpan Duration,
    bool Failed,
    long? PeakMemoryBytes,
    long? OutputBytes,
    string? Branch,
    BudgetKind Kind = BudgetKind.Command,
    string? Service = null);
