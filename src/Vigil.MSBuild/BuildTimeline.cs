using Vigil.Storage.Builds;
using Microsoft.Build.Framework;

namespace Vigil.MSBuild;

/// <summary>
/// The build as its events describe it, collected while it runs: the start and end of each project, target and
/// (when asked) task, and every warning and error. Spans are written only when the build ends, so during the build
/// the logger does no more than a few dictionary updates per event and loads nothing beyond MSBuild's own types.
/// </summary>
internal sealed class BuildTimeline(bool tasks)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SpanKey, TimelineSpan> _spans = [];
    private readonly List<BuildDiagnostic> _buildDiagnostics = [];

    public DateTime? StartUtc { get; private set; }

    public DateTime? EndUtc { get; private set; }

    public bool Succeeded { get; private set; } = true;

    /// <summary>The first project the build was asked for (the solution or project on the command line).</summary>
    public string? EntryProjectFile { get; private set; }

    /// <summary>Subscribes to what the timeline needs, and to nothing else (messages stay unread).</summary>
    public void Attach(IEventSource source)
    {
        source.BuildStarted += (_, e) => Update(() => StartUtc ??= e.Timestamp.ToUniversalTime());
        source.BuildFinished += (_, e) => Update(() =>
        {
            EndUtc = e.Timestamp.ToUniversalTime();
            Succeeded &= e.Succeeded;
        });
        source.ProjectStarted += (_, e) => Update(() => ProjectStarted(e));
        source.ProjectFinished += (_, e) => Update(() => Finish(SpanKey.Project(e.BuildEventContext!), e.Timestamp, e.Succeeded));
        source.TargetStarted += (_, e) => Update(() => Start(SpanKey.Target(e.BuildEventContext!), MSBuildSemantics.TargetKind, e.TargetName, e.Timestamp, SpanKey.Project(e.BuildEventContext!)));
        source.TargetFinished += (_, e) => Update(() => Finish(SpanKey.Target(e.BuildEventContext!), e.Timestamp, e.Succeeded));
        if (tasks)
        {
            source.TaskStarted += (_, e) => Update(() => Start(SpanKey.Task(e.BuildEventContext!), MSBuildSemantics.TaskKind, e.TaskName, e.Timestamp, SpanKey.Target(e.BuildEventContext!)));
            source.TaskFinished += (_, e) => Update(() => Finish(SpanKey.Task(e.BuildEventContext!), e.Timestamp, e.Succeeded));
        }

        source.ErrorRaised += (_, e) => Update(() => Diagnose(e.BuildEventContext, new BuildDiagnostic(true, e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, e.ProjectFile, e.Timestamp.ToUniversalTime())));
        source.WarningRaised += (_, e) => Update(() => Diagnose(e.BuildEventContext, new BuildDiagnostic(false, e.Code, e.File, e.LineNumber, e.ColumnNumber, e.Message, e.ProjectFile, e.Timestamp.ToUniversalTime())));
    }

    /// <summary>Every span so far, by key; a copy, so the caller may read it while late events arrive.</summary>
    public IReadOnlyDictionary<SpanKey, TimelineSpan> Spans()
    {
        lock (_lock)
        {
            return new Dictionary<SpanKey, TimelineSpan>(_spans);
        }
    }

    /// <summary>Warnings and errors that no project, target or task claimed (command-line and solution-level ones).</summary>
    public IReadOnlyList<BuildDiagnostic> BuildDiagnostics()
    {
        lock (_lock)
        {
            return [.. _buildDiagnostics];
        }
    }

    private void Update(Action change)
    {
        // MSBuild raises a central logger's events one at a time, but nothing documents it; the lock costs nanoseconds.
        lock (_lock)
        {
            change();
        }
    }

    private void ProjectStarted(ProjectStartedEventArgs e)
    {
        if (e.BuildEventContext is not { } context)
        {
            return;
        }

        EntryProjectFile ??= e.ProjectFile;

        // A project built by another (the MSBuild task in one of its targets) runs under that task or target.
        var parentContext = e.ParentProjectBuildEventContext;
        SpanKey? parent = parentContext is null || parentContext.ProjectContextId == BuildEventContext.InvalidProjectContextId
            ? null
            : parentContext.TaskId != BuildEventContext.InvalidTaskId ? SpanKey.Task(parentContext)
            : parentContext.TargetId != BuildEventContext.InvalidTargetId ? SpanKey.Target(parentContext)
            : SpanKey.Project(parentContext);
        var name = string.IsNullOrEmpty(e.ProjectFile) ? "project" : Path.GetFileName(e.ProjectFile);
        _spans[SpanKey.Project(context)] = new TimelineSpan(MSBuildSemantics.ProjectKind, name, e.Timestamp.ToUniversalTime(), parent)
        {
            ProjectFile = e.ProjectFile,
            Targets = e.TargetNames,
            NodeId = context.NodeId,
        };
    }

    private void Start(SpanKey key, string kind, string name, DateTime timestamp, SpanKey parent)
    {
        _spans[key] = new TimelineSpan(kind, name, timestamp.ToUniversalTime(), parent) { NodeId = key.NodeId };
    }

    private void Finish(SpanKey key, DateTime timestamp, bool succeeded)
    {
        if (_spans.TryGetValue(key, out var span))
        {
            span.EndUtc = timestamp.ToUniversalTime();
            span.Succeeded = succeeded;
        }
    }

    private void Diagnose(BuildEventContext? context, BuildDiagnostic diagnostic)
    {
        // The most specific span that exists: the task, else its target, else its project, else the build.
        for (SpanKey? key = context is null ? null : SpanKey.Task(context); key is { } k; key = k.Up())
        {
            if (_spans.TryGetValue(k, out var span))
            {
                (span.Diagnostics ??= []).Add(diagnostic);
                return;
            }
        }

        _buildDiagnostics.Add(diagnostic);
    }
}
