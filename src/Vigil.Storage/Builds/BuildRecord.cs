namespace Vigil.Storage.Builds;

/// <summary>
/// One recorded build or command: a <c>vigil exec</c> run (with the build inside it when the MSBuild logger ran), or
/// an MSBuild build recorded by the logger alone. Its projects and targets are empty for a command that was no build;
/// the exit code, CPU time and peak memory are known for <c>vigil exec</c> runs only (the logger records none).
/// </summary>
internal sealed record BuildRecord(
    string TraceId,
    string Name,
    DateTimeOffset StartTime,
    TimeSpan Duration,
    string Result,
    string? Branch,
    string? Commit,
    IReadOnlyList<BuildPart> Projects,
    IReadOnlyList<BuildPart> Targets)
{
    /// <summary>The <c>service.name</c> it was recorded under.</summary>
    public string? Service { get; init; }

    /// <summary>The exit code <c>vigil exec</c> returned.</summary>
    public long? ExitCode { get; init; }

    /// <summary>The command's CPU time (user and system).</summary>
    public TimeSpan? CpuTime { get; init; }

    /// <summary>The command's peak resident memory in bytes.</summary>
    public long? PeakMemoryBytes { get; init; }

    /// <summary>Whether it failed (or never started): every result but success.</summary>
    public bool Failed => Result != ExecSemantics.Success;

    /// <summary>Projects by their own time, longest first.</summary>
    public IEnumerable<BuildPart> SlowestProjects => Projects.OrderByDescending(p => p.Self).ThenBy(p => p.Project, StringComparer.Ordinal);
}
