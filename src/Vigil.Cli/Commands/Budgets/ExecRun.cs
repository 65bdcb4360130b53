namespace Vigil.Cli.Commands.Budgets;

/// <summary>One recorded <c>vigil exec</c> run, as budgets judge it (read back from its span).</summary>
internal sealed record ExecRun(
    string TraceId,
    string TaskName,
    DateTimeOffset StartTime,
    TimeSpan Duration,
    bool Failed,
    long? PeakMemoryBytes,
    long? OutputBytes,
    string? Branch);
