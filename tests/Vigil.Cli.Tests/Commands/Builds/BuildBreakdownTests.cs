using Vigil.Storage.Builds;
using Vigil.Cli.Commands.Builds;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Builds;

/// <summary>The numbers vigil builds prints, worked out by hand from the spans behind them.</summary>
public sealed class BuildBreakdownTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromTrace_ProjectBuildingAnother_OwnTimeExcludesTheReferencedProject()
    {
        // exec 0-10s > build 0-10s > App 1-9s > ResolveProjectReferences 2-7s > Lib 2-6s > CoreCompile 3-5s;
        // App also runs CoreCompile 7-8s, and a second Lib span (another global property set) 4-6.5s overlaps the first.
        var spans = Trace(
            Exec("e", null, 0, 10, "dotnet build", "main", "0123456789abcdef"),
            Msb("b", "e", 0, 10, "build", "build App.csproj"),
            Msb("app", "b", 1, 9, "project", "App.csproj"),
            Msb("rpr", "app", 2, 7, "target", "ResolveProjectReferences"),
            Msb("lib", "rpr", 2, 6, "project", "Lib.csproj"),
            Msb("lib2", "rpr", 4, 6.5, "project", "Lib.csproj"),
            Msb("libcc", "lib", 3, 5, "target", "CoreCompile"),
            Msb("appcc", "app", 7, 8, "target", "CoreCompile"));

        var build = BuildBreakdown.FromTrace(spans)!;

        Assert.Equal("dotnet build", build.Name);
        Assert.Equal(("main", "0123456789abcdef"), (build.Branch, build.Commit));
        Assert.Equal(TimeSpan.FromSeconds(10), build.Duration);

        // App: 8s, minus Lib's union 2-6.5s (4.5s) = 3.5s. Lib: 4s + 2.5s = 6.5s (its two spans, summed).
        Assert.Equal([("Lib.csproj", 6.5), ("App.csproj", 3.5)], build.SlowestProjects.Select(p => (p.Project, p.Self.TotalSeconds)));
        Assert.Equal(2, build.Projects.Single(p => p.Project == "Lib.csproj").Spans);

        // ResolveProjectReferences 5s, minus Lib 2-6.5s = 0.5s of its own.
        var targets = build.Targets.ToDictionary(t => t.Key, t => t.Self.TotalSeconds);
        Assert.Equal(0.5, targets["App.csproj ResolveProjectReferences"], 6);
        Assert.Equal(2, targets["Lib.csproj CoreCompile"], 6);
        Assert.Equal(1, targets["App.csproj CoreCompile"], 6);
    }

    [Fact]
    public void FromTrace_LoggerAloneWithoutExec_IsABuildNamedByItsEntryProject()
    {
        var build = BuildBreakdown.FromTrace(Trace(Msb("b", null, 0, 4, "build", "build App.csproj", "failure"), Msb("app", "b", 0, 4, "project", "App.csproj")))!;

        Assert.Equal("build App.csproj", build.Name);
        Assert.Equal("failure", build.Result);
        Assert.Null(build.Branch);
        Assert.Equal(4, Assert.Single(build.Projects).Self.TotalSeconds);
    }

    [Fact]
    public void FromTrace_ExecSpanFigures_ExitCodeCpuAndPeakMemoryAsRecorded()
    {
        var plain = Exec("e", null, 0, 3, "make", "main", "abc");
        var exec = plain with { Attributes = [.. plain.Attributes, new("process.exit.code", 2L), new("vigil.exec.cpu_time", 1.25), new("vigil.exec.memory.peak", 4096L)], Resource = new() { Attributes = [new("service.name", "ci")] } };

        var build = BuildBreakdown.FromTrace(Trace(exec))!;

        Assert.Equal((2L, TimeSpan.FromSeconds(1.25), 4096L, "ci"), (build.ExitCode, build.CpuTime, build.PeakMemoryBytes, build.Service));
    }

    [Fact]
    public void FromTrace_LoggerAlone_NoExitCodeCpuOrMemory()
    {
        var build = BuildBreakdown.FromTrace(Trace(Msb("b", null, 0, 4, "build", "build App.csproj")))!;

        Assert.Equal((null, null, null), (build.ExitCode, build.CpuTime, build.PeakMemoryBytes));
    }

    [Fact]
    public void FromTrace_NoExecOrBuildSpan_IsNoBuild()
    {
        Assert.Null(BuildBreakdown.FromTrace(Trace(new SpanEntry { TraceId = "t", SpanId = "x", Name = "GET /", StartTime = s_t0, EndTime = s_t0.AddSeconds(1) })));
    }

    [Fact]
    public void Compare_SlowerTargetAndNewProject_ListedByIncreaseWithPercent()
    {
        var before = BuildBreakdown.FromTrace(Trace(
            Msb("b", null, 0, 10, "build", "build App.csproj"),
            Msb("app", "b", 0, 10, "project", "App.csproj"),
            Msb("cc", "app", 1, 5, "target", "CoreCompile")))!;
        var after = BuildBreakdown.FromTrace(Trace(
            Msb("b", null, 0, 16, "build", "build App.csproj"),
            Msb("app", "b", 0, 12, "project", "App.csproj"),
            Msb("cc", "app", 1, 7, "target", "CoreCompile"),
            Msb("gen", "b", 12, 15, "project", "Gen.csproj")))!;

        var comparison = BuildComparison.Compare(before, after);

        Assert.Equal(TimeSpan.FromSeconds(6), comparison.Delta);
        var slower = comparison.Slower.Select(c => (c.Key, c.Delta.TotalSeconds, c.Percent)).ToList();
        Assert.Equal([("Gen.csproj", 3, (double?)null), ("App.csproj", 2, 20), ("App.csproj CoreCompile", 2, 50)], slower);
    }

    private static SpanEntry[] Trace(params SpanEntry[] spans) => spans;

    private static SpanEntry Exec(string id, string? parent, double start, double end, string task, string branch, string commit) => new()
    {
        TraceId = "t",
        SpanId = id,
        ParentSpanId = parent,
        Name = task,
        StartTime = s_t0.AddSeconds(start),
        EndTime = s_t0.AddSeconds(end),
        Scope = new InstrumentationScopeInfo { Name = "Vigil.Exec" },
        Attributes = [new("cicd.pipeline.task.name", task), new("cicd.pipeline.task.run.result", "success"), new("vcs.ref.head.name", branch), new("vcs.ref.head.revision", commit)],
    };

    private static SpanEntry Msb(string id, string? parent, double start, double end, string kind, string name, string result = "success") => new()
    {
        TraceId = "t",
        SpanId = id,
        ParentSpanId = parent,
        Name = name,
        StartTime = s_t0.AddSeconds(start),
        EndTime = s_t0.AddSeconds(end),
        Scope = new InstrumentationScopeInfo { Name = "Vigil.MSBuild" },
        Attributes = [new("msbuild.kind", kind), new("cicd.pipeline.task.run.result", result)],
    };
}
