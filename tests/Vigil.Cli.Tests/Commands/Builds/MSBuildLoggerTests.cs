using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Commands.Exec;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Builds;

/// <summary>
/// The MSBuild logger in real builds of a generated two-project solution: loaded by <c>dotnet build</c> itself from
/// the folder vigil ships it in, on two nodes, and read back from the store it wrote.
/// </summary>
public sealed class MSBuildLoggerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string StorePath => _directory.Combine("builds.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ExecDotnetBuild_BrokenLibrary_NestsProjectsAndTargetsUnderTheCommandAndRecordsTheError()
    {
        GeneratedSolution.Write(_directory, broken: true);

        var run = await VigilProcess.RunProgramAsync(
            VigilProcess.Executable,
            _directory.Path,
            GeneratedSolution.Environment(),
            null,
            VigilProcess.BuildTimeout,
            ["exec", "--store", StorePath, "--", "dotnet", "build", "App/App.csproj", "-m:2", .. GeneratedSolution.NoLingeringProcesses]);

        Assert.NotEqual(0, run.ExitCode);
        var records = await ExecRecords.ReadAsync(StorePath);
        var exec = records.SingleExecSpan();
        var spans = records.Spans.Where(s => s.Scope.Name == "Vigil.MSBuild").ToList();
        Assert.All(spans, s => Assert.Equal(exec.TraceId, s.TraceId));

        // exec -> build -> App.csproj -> ResolveProjectReferences -> Lib.csproj -> CoreCompile, by parent ids.
        var build = Assert.Single(spans, s => Kind(s) == "build");
        Assert.Equal(exec.SpanId, build.ParentSpanId);
        Assert.Equal("failure", ExecRecords.Attribute(build, "cicd.pipeline.task.run.result"));
        var libCompile = Assert.Single(spans, s => s.Name == "CoreCompile" && Ancestors(spans, s).Any(a => a.Name == "Lib.csproj"));
        var chain = Ancestors(spans, libCompile).Select(s => s.Name).ToList();
        Assert.Equal(["Lib.csproj", "ResolveProjectReferences", "App.csproj", build.Name], chain.Take(4));
        Assert.Equal(SpanStatusCode.Error, libCompile.StatusCode);
        Assert.All(spans.Where(s => s.ParentSpanId != exec.SpanId), s =>
        {
            var parent = spans.Single(p => p.SpanId == s.ParentSpanId);
            Assert.InRange(s.StartTime, parent.StartTime, parent.EndTime);
        });

        // The compiler error: one error record, in the CoreCompile span, with its code, file and line.
        var error = Assert.Single(records.Logs, l => l.Scope.Name == "Vigil.MSBuild" && Attribute(l, "msbuild.diagnostic.code") as string == "CS1002");
        Assert.Equal("Error", error.SeverityText);
        Assert.Equal(libCompile.SpanId, error.SpanId);
        Assert.EndsWith("Broken.cs", Attribute(error, "code.file.path") as string, StringComparison.Ordinal);
        Assert.Equal(3L, Convert.ToInt64(Attribute(error, "code.line.number"), CultureInfo.InvariantCulture));
        Assert.Contains("Broken.cs(3,", error.Body, StringComparison.Ordinal);

        // Written when the build ended, the record still carries the moment the compiler reported it: inside its span.
        Assert.InRange(error.Timestamp, libCompile.StartTime, libCompile.EndTime);

        // vigil builds reads the same run back: its duration and result from the exec span, Lib's wall time from Lib's spans.
        var list = await VigilProcess.RunAsync(_directory.Path, GeneratedSolution.Environment(), null, "builds", "--store", StorePath, "--json");
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Stdout);
        var listed = Assert.Single(json.RootElement.GetProperty("builds").EnumerateArray());
        Assert.Equal(exec.TraceId, listed.GetProperty("traceId").GetString());
        Assert.Equal("failure", listed.GetProperty("result").GetString());
        Assert.Equal(exec.Duration.TotalSeconds, listed.GetProperty("duration").GetDouble(), 6);
        var lib = listed.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("project").GetString() == "Lib.csproj");
        var libSpans = spans.Where(s => Kind(s) == "project" && s.Name == "Lib.csproj").ToList();
        Assert.Equal(libSpans.Count, lib.GetProperty("spans").GetInt32());
        Assert.Equal(libSpans.Sum(s => s.Duration.TotalSeconds), lib.GetProperty("wall").GetDouble(), 3);
    }

    [Fact]
    public async Task DotnetBuildLogger_AssemblyOnly_LoadsAndRecordsTaskSpansAboveTheMinimum()
    {
        GeneratedSolution.Write(_directory, broken: false);
        var logger = Path.Combine(Path.GetDirectoryName(VigilProcess.Executable)!, "msbuild", "Vigil.MSBuild.dll");

        // The README's form: the assembly alone (MSBuild takes its one logger class), one node, tasks on.
        var run = await VigilProcess.RunProgramAsync(
            "dotnet",
            _directory.Path,
            GeneratedSolution.Environment(),
            null,
            VigilProcess.BuildTimeout,
            ["build", "App/App.csproj", "-m:1", .. GeneratedSolution.NoLingeringProcesses, $"-logger:{logger};store={StorePath};minTargetMs=0;tasks=true;minTaskMs=0"]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var spans = (await ExecRecords.ReadAsync(StorePath)).Spans;
        var build = Assert.Single(spans, s => Kind(s) == "build");
        Assert.Null(build.ParentSpanId);
        Assert.Equal("success", ExecRecords.Attribute(build, "cicd.pipeline.task.run.result"));
        var csc = spans.Where(s => s.Name == "Csc" && Kind(s) == "task").ToList();
        Assert.Equal(2, csc.Count);
        Assert.All(csc, t => Assert.Equal("CoreCompile", spans.Single(p => p.SpanId == t.ParentSpanId).Name));
        Assert.Contains(spans, s => Kind(s) == "project" && s.Name == "Lib.csproj");
    }

    [Fact]
    public async Task DotnetBuildLogger_WithPrometheusPushGateway_PushesTheBuildsDurationsGroupedByServiceAndHost()
    {
        GeneratedSolution.Write(_directory, broken: false);
        await using var gateway = await Vigil.Testing.PushGateway.PushGatewayServer.StartAsync();
        var environment = GeneratedSolution.Environment();
        environment["PROMETHEUS_PUSH_GATEWAY"] = gateway.Endpoint.AbsoluteUri;
        var logger = Path.Combine(Path.GetDirectoryName(VigilProcess.Executable)!, "msbuild", "Vigil.MSBuild.dll");

        var run = await VigilProcess.RunProgramAsync(
            "dotnet",
            _directory.Path,
            environment,
            null,
            VigilProcess.BuildTimeout,
            ["build", "App/App.csproj", "-m:1", .. GeneratedSolution.NoLingeringProcesses, $"-logger:{logger};store={StorePath}"]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);

        // One build, pushed as job = the service name (msbuild) and instance = the host, besides the store's record.
        var group = new[] { ("job", "msbuild"), ("instance", Environment.MachineName) };
        var builds = Assert.Single(await gateway.SamplesAsync("vigil_msbuild_build_duration_seconds_count", [.. group, ("cicd_pipeline_task_run_result", "success")]));
        Assert.Equal(1, builds.Value);

        // Each project span the store holds is one observation of the pushed per-project histogram.
        var projectSpans = (await ExecRecords.ReadAsync(StorePath)).Spans.Count(s => Kind(s) == "project");
        Assert.True(projectSpans >= 2);
        var projects = await gateway.SamplesAsync("vigil_msbuild_project_duration_seconds_count", group);
        Assert.Equal(projectSpans, projects.Sum(p => p.Value));
    }

    private static string? Kind(SpanEntry span) => ExecRecords.Attribute(span, "msbuild.kind") as string;

    private static object? Attribute(LogEntry log, string key) => log.Attributes.SingleOrDefault(a => a.Key == key).Value;

    private static IEnumerable<SpanEntry> Ancestors(IReadOnlyList<SpanEntry> spans, SpanEntry span)
    {
        for (var parent = spans.SingleOrDefault(p => p.SpanId == span.ParentSpanId); parent is not null; parent = spans.SingleOrDefault(p => p.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }
}
