namespace Vigil.Storage.Builds;

/// <summary>
/// One project, or one target of a project, summed over every span of it in a build: its own time (the spans'
/// durations minus the time spent inside projects they built), its wall time, and when it first started and last ended.
/// </summary>
internal sealed record BuildPart(string Project, string? Target, TimeSpan Self, TimeSpan Wall, int Spans, DateTimeOffset FirstStart, DateTimeOffset LastEnd)
{
    /// <summary>How the part is named in tables and comparisons: <c>App.csproj</c> or <c>App.csproj CoreCompile</c>.</summary>
    public string Key => Target is null ? Project : $"{Project} {Target}";
}
