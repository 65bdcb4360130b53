using System.Globalization;
using Vigil.Model;

namespace Vigil.Testing.Budgets;

/// <summary>
/// Runs as <c>vigil exec</c> and the MSBuild logger record them (their scopes, service names and attributes, spelled
/// out here rather than taken from the code under test), for the budget tests of alert rules and MCP tools: each
/// run is one trace, a minute after the one before.
/// </summary>
/// <param name="start">When the first run starts.</param>
/// <param name="firstTrace">Where trace ids start, so two sets of runs share no trace.</param>
public sealed class RecordedRuns(DateTimeOffset start, int firstTrace = 0)
{
    private readonly List<SpanEntry> _spans = [];

    /// <summary>Every span added, in order.</summary>
    public IReadOnlyList<SpanEntry> Spans => _spans;

    /// <summary>The trace ids of the runs, in the order added.</summary>
    public IReadOnlyList<string> TraceIds => [.. _spans.Where(s => s.ParentSpanId is null).Select(s => s.TraceId)];

    /// <summary>Adds a <c>vigil exec</c> run of <paramref name="task"/> per duration (seconds), successful unless <paramref name="failed"/>.</summary>
    public RecordedRuns Command(string task, double[] seconds, bool failed = false, long outputBytes = 2048, string service = "vigil-exec")
    {
        foreach (var duration in seconds)
        {
            Add(task, duration, "Vigil.Exec", service, failed, null,
            [
                new("cicd.pipeline.task.name", task),
                new("cicd.pipeline.task.run.result", failed ? "failure" : "success"),
                new("vigil.exec.memory.peak", 100L * 1024 * 1024),
                new("vigil.exec.output.size", outputBytes),
            ]);
        }

        return this;
    }

    /// <summary>Adds an MSBuild project span per duration (seconds), each in a build of its own, as the logger records one.</summary>
    public RecordedRuns Project(string projectFile, double[] seconds)
    {
        foreach (var duration in seconds)
        {
            var build = Add("build App.sln", duration + 1, "Vigil.MSBuild", "msbuild", false, null, [new("msbuild.kind", "build"), new("msbuild.project.file", "App.sln")]);
            Add(projectFile, duration, "Vigil.MSBuild", "msbuild", false, build, [new("msbuild.kind", "project"), new("msbuild.project.file", projectFile)]);
        }

        return this;
    }

    private SpanEntry Add(string name, double seconds, string scope, string service, bool failed, SpanEntry? parent, KeyValuePair<string, object?>[] attributes)
    {
        var index = _spans.Count(s => s.ParentSpanId is null);
        var at = parent?.StartTime ?? start.AddMinutes(index);
        var span = new SpanEntry
        {
            TraceId = parent?.TraceId ?? (firstTrace + index + 1).ToString("x32", CultureInfo.InvariantCulture),
            SpanId = (firstTrace * 10 + _spans.Count + 1).ToString("x16", CultureInfo.InvariantCulture),
            ParentSpanId = parent?.SpanId,
            Name = name,
            StartTime = at,
            EndTime = at + TimeSpan.FromSeconds(seconds),
            StatusCode = failed ? SpanStatusCode.Error : SpanStatusCode.Unset,
            Attributes = attributes,
            Scope = new InstrumentationScopeInfo { Name = scope },
            Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, service)] },
        };
        _spans.Add(span);
        return span;
    }
}
