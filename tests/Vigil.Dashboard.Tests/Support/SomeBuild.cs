using Vigil.Model;
using Vigil.Storage.Builds;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>
/// Builds and commands as <c>vigil exec</c> (Vigil.Cli's ExecSpan) and the MSBuild logger (Vigil.MSBuild's
/// BuildTimeline) record them: the same scope, service and attribute names (<see cref="ExecSemantics"/>,
/// <see cref="MSBuildSemantics"/>), with the value types they read back as from the store (whole numbers as long).
/// </summary>
internal static class SomeBuild
{
    /// <summary>The root span id of every exec run written here.</summary>
    public static readonly string ExecSpanId = Some.SpanId(1);

    /// <summary>A <c>vigil exec</c> run's span: task, result, exit code, CPU time, peak memory, git branch and commit.</summary>
    public static SpanEntry Exec(string traceId, string task, DateTimeOffset start, TimeSpan duration, int exitCode = 0, double? cpuSeconds = null, long? peakMemoryBytes = null, string? branch = "main", string? commit = "0123456789abcdef0123456789abcdef01234567")
    {
        var attributes = new List<KeyValuePair<string, object?>>
        {
            new(ExecSemantics.TaskName, task),
            new(ExecSemantics.TaskResult, exitCode == 0 ? ExecSemantics.Success : ExecSemantics.Failure),
            new(ExecSemantics.ExecutableName, task.Split(' ')[0]),
            new(ExecSemantics.CommandLine, task),
            new(ExecSemantics.ExitCode, (long)exitCode),
        };
        if (cpuSeconds is { } cpu)
        {
            attributes.Add(new(ExecSemantics.CpuTimeSeconds, cpu));
        }

        if (peakMemoryBytes is { } peak)
        {
            attributes.Add(new(ExecSemantics.PeakMemoryBytes, peak));
        }

        if (branch is not null)
        {
            attributes.Add(new(ExecSemantics.Branch, branch));
            attributes.Add(new(ExecSemantics.Revision, commit));
        }

        return new SpanEntry
        {
            TraceId = traceId,
            SpanId = ExecSpanId,
            Name = task,
            Kind = SpanKind.Internal,
            StartTime = start,
            EndTime = start + duration,
            StatusCode = exitCode == 0 ? SpanStatusCode.Unset : SpanStatusCode.Error,
            StatusMessage = exitCode == 0 ? null : $"exit code {exitCode}",
            Attributes = attributes,
            Scope = new InstrumentationScopeInfo { Name = ExecSemantics.InstrumentationName },
            Resource = Some.Service(ExecSemantics.DefaultServiceName),
        };
    }

    /// <summary>One MSBuild logger span (kind build, project or target) of a build inside an exec run.</summary>
    public static SpanEntry MSBuild(string traceId, string spanId, string parent, string kind, string name, DateTimeOffset start, TimeSpan duration) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = parent,
        Name = name,
        Kind = SpanKind.Internal,
        StartTime = start,
        EndTime = start + duration,
        Attributes = [new(MSBuildSemantics.Kind, kind)],
        Scope = new InstrumentationScopeInfo { Name = MSBuildSemantics.InstrumentationName },
        Resource = Some.Service(ExecSemantics.DefaultServiceName),
    };

    /// <summary>
    /// <c>dotnet build</c> of App.csproj, which builds Lib.csproj, from 0 to 10 s (BuildBreakdownTests' case): App's own
    /// time 3.5 s, Lib's 6.5 s over two spans; targets App ResolveProjectReferences 0.5 s, Lib CoreCompile 2 s, App
    /// CoreCompile 1 s.
    /// </summary>
    public static IReadOnlyList<SpanEntry> DotnetBuild(string traceId, DateTimeOffset t0, int exitCode = 0)
    {
        SpanEntry Msb(int id, int parent, double from, double to, string kind, string name) =>
            MSBuild(traceId, Some.SpanId(id), Some.SpanId(parent), kind, name, t0.AddSeconds(from), TimeSpan.FromSeconds(to - from));
        return
        [
            Exec(traceId, "dotnet build", t0, TimeSpan.FromSeconds(10), exitCode, cpuSeconds: 14.25, peakMemoryBytes: 512L * 1024 * 1024),
            Msb(2, 1, 0, 10, MSBuildSemantics.BuildKind, "build App.csproj"),
            Msb(3, 2, 1, 9, MSBuildSemantics.ProjectKind, "App.csproj"),
            Msb(4, 3, 2, 7, MSBuildSemantics.TargetKind, "ResolveProjectReferences"),
            Msb(5, 4, 2, 6, MSBuildSemantics.ProjectKind, "Lib.csproj"),
            Msb(6, 4, 4, 6.5, MSBuildSemantics.ProjectKind, "Lib.csproj"),
            Msb(7, 5, 3, 5, MSBuildSemantics.TargetKind, "CoreCompile"),
            Msb(8, 3, 7, 8, MSBuildSemantics.TargetKind, "CoreCompile"),
        ];
    }
}
