using Vigil.Model;

namespace Vigil.Storage.Builds;

/// <summary>
/// Reads a build back from its trace's spans. A project's or target's own time is its span's duration minus the time
/// covered by the projects it built (a ResolveProjectReferences target waits while the referenced projects build; that
/// time is theirs), so per-project times add up to the build's work, not to a multiple of it.
/// </summary>
internal static class BuildBreakdown
{
    /// <summary>The build or command a trace records, or null when the trace holds neither.</summary>
    public static BuildRecord? FromTrace(IReadOnlyList<SpanEntry> spans)
    {
        var root = spans.FirstOrDefault(s => s.Scope.Name == ExecSemantics.InstrumentationName && !HasParentIn(spans, s))
            ?? spans.FirstOrDefault(s => s.Scope.Name == MSBuildSemantics.InstrumentationName && SpanAttribute.Text(s, MSBuildSemantics.Kind) == MSBuildSemantics.BuildKind);
        if (root is null)
        {
            return null;
        }

        var children = spans.Where(s => s.ParentSpanId is not null).ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var build = spans.Where(s => s.Scope.Name == MSBuildSemantics.InstrumentationName).ToList();
        var projects = Parts(build.Where(s => Kind(s) == MSBuildSemantics.ProjectKind), children, s => (s.Name, null));
        var byId = spans.DistinctBy(s => s.SpanId).ToDictionary(s => s.SpanId, StringComparer.Ordinal);
        var targets = Parts(build.Where(s => Kind(s) == MSBuildSemantics.TargetKind), children, s => (ProjectOf(s, byId) ?? "?", s.Name));
        return new BuildRecord(
            root.TraceId,
            SpanAttribute.Text(root, ExecSemantics.TaskName) ?? root.Name,
            root.StartTime,
            root.Duration,
            SpanAttribute.Text(root, ExecSemantics.TaskResult) ?? (root.StatusCode == SpanStatusCode.Error ? "failure" : "success"),
            SpanAttribute.Text(root, ExecSemantics.Branch),
            SpanAttribute.Text(root, ExecSemantics.Revision),
            projects,
            targets)
        {
            Service = root.Resource.ServiceName,
            ExitCode = SpanAttribute.WholeNumber(root, ExecSemantics.ExitCode),
            CpuTime = SpanAttribute.Number(root, ExecSemantics.CpuTimeSeconds) is { } cpu ? TimeSpan.FromSeconds(cpu) : null,
            PeakMemoryBytes = SpanAttribute.WholeNumber(root, ExecSemantics.PeakMemoryBytes),
        };
    }

    /// <summary>The time <paramref name="span"/> spent outside the projects it built.</summary>
    internal static TimeSpan Self(SpanEntry span, ILookup<string, SpanEntry> children)
    {
        var inner = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        var pending = new Stack<SpanEntry>(children[span.SpanId]);
        while (pending.Count > 0)
        {
            var child = pending.Pop();
            if (Kind(child) == MSBuildSemantics.ProjectKind)
            {
                inner.Add((Max(child.StartTime, span.StartTime), Min(child.EndTime, span.EndTime)));
                continue;
            }

            foreach (var grandchild in children[child.SpanId])
            {
                pending.Push(grandchild);
            }
        }

        return span.Duration - Covered(inner);
    }

    private static List<BuildPart> Parts(IEnumerable<SpanEntry> spans, ILookup<string, SpanEntry> children, Func<SpanEntry, (string Project, string? Target)> key) =>
        [.. spans
            .GroupBy(key)
            .Select(g => new BuildPart(
                g.Key.Project,
                g.Key.Target,
                g.Aggregate(TimeSpan.Zero, (sum, s) => sum + Self(s, children)),
                g.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration),
                g.Count(),
                g.Min(s => s.StartTime),
                g.Max(s => s.EndTime)))
            .OrderByDescending(p => p.Self)];

    // The length of the union of intervals (projects built in parallel overlap).
    private static TimeSpan Covered(List<(DateTimeOffset Start, DateTimeOffset End)> intervals)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? start = null, end = null;
        foreach (var (s, e) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (end is { } currentEnd && s <= currentEnd)
            {
                end = Max(currentEnd, e);
                continue;
            }

            total += end - start ?? TimeSpan.Zero;
            (start, end) = (s, e);
        }

        return total + (end - start ?? TimeSpan.Zero);
    }

    private static string? ProjectOf(SpanEntry span, Dictionary<string, SpanEntry> byId) =>
        span.ParentSpanId is { } id && byId.TryGetValue(id, out var parent) && Kind(parent) == MSBuildSemantics.ProjectKind ? parent.Name : null;

    private static bool HasParentIn(IReadOnlyList<SpanEntry> spans, SpanEntry span) =>
        span.ParentSpanId is { } parent && spans.Any(s => s.SpanId == parent);

    private static string? Kind(SpanEntry span) => SpanAttribute.Text(span, MSBuildSemantics.Kind);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
