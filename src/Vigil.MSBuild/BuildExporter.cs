using Vigil.Storage.Builds;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Recording;
using Vigil.Tracing;

namespace Vigil.MSBuild;

/// <summary>
/// Writes a finished build through the SDK, started the way <c>vigil exec</c> starts it (<see cref="RecordingSdk"/>):
/// the build span (under <c>TRACEPARENT</c> when the build runs inside <c>vigil exec</c>), a span per project, target
/// and task at least as long as the parameters ask, warnings and errors as log records in the span they came from,
/// and the per-project and build duration histograms. Only this class touches the SDK, so MSBuild loads Vigil's
/// assemblies once, when the build is over.
/// </summary>
internal static class BuildExporter
{
    private static readonly ActivitySource s_source = new(MSBuildSemantics.InstrumentationName);

    public static void Export(BuildTimeline timeline, LoggerParameters parameters, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var spans = timeline.Spans();
        var buildStart = timeline.StartUtc ?? (spans.Count == 0 ? DateTime.UtcNow : spans.Values.Min(s => s.StartUtc));
        var buildEnd = timeline.EndUtc ?? DateTime.UtcNow;
        var tree = TimelineTree.Build(spans, parameters, buildEnd);

        // The meter before the SDK, so the SDK is disposed first: its last collection (the one pushed to a Pushgateway
        // on shutdown) must still see the instruments, which a meter disposed first would have withdrawn.
        using var meter = new Meter(MSBuildSemantics.InstrumentationName);
        using var sdk = RecordingSdk.Start(new RecordingDestination(parameters.StorePath, parameters.OtlpEndpoint), parameters.ServiceName, MSBuildSemantics.InstrumentationName, environment, workingDirectory);
        var projectDuration = meter.CreateHistogram<double>(MSBuildSemantics.ProjectDurationMetric, "s", "How long each MSBuild project took to build.");
        var buildDuration = meter.CreateHistogram<double>(MSBuildSemantics.BuildDurationMetric, "s", "How long MSBuild builds took.");
        var logger = sdk.CreateLogger(MSBuildSemantics.InstrumentationName);

        // MSBuild may have its own activity current on this thread; the build span's parent is TRACEPARENT or nothing.
        Activity.Current = null;
        var parent = EnvironmentTraceContext.Read(environment)?.Parent ?? default;
        var result = timeline.Succeeded ? MSBuildSemantics.Success : MSBuildSemantics.Failure;
        var entry = timeline.EntryProjectFile is { } file ? Path.GetFileName(file) : "build";
        using (var build = s_source.StartActivity($"build {entry}", ActivityKind.Internal, parent, startTime: buildStart))
        {
            if (build is null)
            {
                return;
            }

            build.SetTag(MSBuildSemantics.Kind, MSBuildSemantics.BuildKind);
            build.SetTag(MSBuildSemantics.Result, result);
            build.SetTag(MSBuildSemantics.ProjectFile, timeline.EntryProjectFile);
            build.SetTag(MSBuildSemantics.Errors, tree.ErrorCount + timeline.BuildDiagnostics().Count(d => d.IsError));
            build.SetTag(MSBuildSemantics.Warnings, tree.WarningCount + timeline.BuildDiagnostics().Count(d => !d.IsError));
            Log(logger, [.. timeline.BuildDiagnostics(), .. tree.Diagnostics(null)]);
            foreach (var child in tree.Children(null))
            {
                Write(child, build.Context, tree, logger, projectDuration, buildEnd);
            }

            build.SetStatus(timeline.Succeeded ? ActivityStatusCode.Unset : ActivityStatusCode.Error);
            build.SetEndTime(buildEnd);
        }

        buildDuration.Record((buildEnd - buildStart).TotalSeconds, new KeyValuePair<string, object?>(MSBuildSemantics.Result, result));
    }

    private static void Write(SpanKey key, ActivityContext parent, TimelineTree tree, ILogger logger, Histogram<double> projectDuration, DateTime buildEnd)
    {
        var span = tree.Span(key);
        using var activity = s_source.StartActivity(span.Name, ActivityKind.Internal, parent, startTime: span.StartUtc);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(MSBuildSemantics.Kind, span.Kind);
        activity.SetTag(MSBuildSemantics.NodeId, span.NodeId);
        activity.SetTag(MSBuildSemantics.Result, span.Succeeded ? MSBuildSemantics.Success : MSBuildSemantics.Failure);
        switch (span.Kind)
        {
            case MSBuildSemantics.ProjectKind:
                activity.SetTag(MSBuildSemantics.ProjectFile, span.ProjectFile);
                activity.SetTag(MSBuildSemantics.ProjectName, span.Name);
                activity.SetTag(MSBuildSemantics.Targets, span.Targets);
                projectDuration.Record(
                    span.Duration(buildEnd).TotalSeconds,
                    new KeyValuePair<string, object?>(MSBuildSemantics.ProjectName, span.Name),
                    new KeyValuePair<string, object?>(MSBuildSemantics.Result, span.Succeeded ? MSBuildSemantics.Success : MSBuildSemantics.Failure));
                break;
            case MSBuildSemantics.TargetKind:
                activity.SetTag(MSBuildSemantics.TargetName, span.Name);
                break;
            default:
                activity.SetTag(MSBuildSemantics.TaskName, span.Name);
                break;
        }

        // Logged while the span is current, so each record carries its trace and span id.
        Log(logger, tree.Diagnostics(key));
        foreach (var child in tree.Children(key))
        {
            Write(child, activity.Context, tree, logger, projectDuration, buildEnd);
        }

        activity.SetStatus(span.Succeeded ? ActivityStatusCode.Unset : ActivityStatusCode.Error);
        activity.SetEndTime(span.EndUtc ?? buildEnd);
    }

    private static void Log(ILogger logger, IEnumerable<BuildDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            var level = diagnostic.IsError ? LogLevel.Error : LogLevel.Warning;
            if (!logger.IsEnabled(level))
            {
                continue;
            }

            logger.Log(level, default, new DiagnosticState(diagnostic), null, DiagnosticState.Format);
        }
    }
}
