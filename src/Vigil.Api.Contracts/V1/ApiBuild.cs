namespace Vigil.Api.Contracts.V1;

/// <summary>One recorded build or <c>vigil exec</c> command in <c>GET /api/builds</c>: its root span, read back.</summary>
public sealed record ApiBuild
{
    /// <summary>The trace id it was recorded as.</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The task name (<c>cicd.pipeline.task.name</c>), or the root span's name without one.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The <c>service.name</c> it was recorded under.</summary>
    public string? ServiceName { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>How long it took (the root span's duration).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The CI/CD result: <c>success</c>, <c>failure</c>, or <c>error</c> (the command never started).</summary>
    public string Result { get; init; } = string.Empty;

    /// <summary>The exit code, for a <c>vigil exec</c> command (the MSBuild logger alone records none).</summary>
    public long? ExitCode { get; init; }

    /// <summary>The command's CPU time (user and system), where recorded.</summary>
    public TimeSpan? CpuTime { get; init; }

    /// <summary>The command's peak resident memory in bytes, where recorded.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>The git branch it ran on.</summary>
    public string? Branch { get; init; }

    /// <summary>The git commit it ran on.</summary>
    public string? Commit { get; init; }

    /// <summary>What the run is judged against, or null when no earlier run of the task was read.</summary>
    public ApiBuildBaseline? Baseline { get; init; }

    /// <summary>Whether it took longer than <see cref="ApiBuildBaseline.Limit"/>.</summary>
    public bool Regressed { get; init; }
}
