namespace Vigil.Cli.Commands.Builds;

/// <summary>
/// One recorded build or command: a <c>vigil exec</c> run (with the build inside it when the MSBuild logger ran), or
/// an MSBuild build recorded by the logger alone. Its projects and targets are empty for a command that was no build.
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
    /// <summary>Projects by their own time, longest first.</summary>
    public IEnumerable<BuildPart> SlowestProjects => Projects.OrderByDescending(p => p.Self).ThenBy(p => p.Project, StringComparer.Ordinal);
}
