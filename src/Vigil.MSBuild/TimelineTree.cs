using Vigil.Storage.Builds;
namespace Vigil.MSBuild;

/// <summary>
/// The spans worth writing, arranged as a tree: a span shorter than its kind's minimum is left out, its children move up
/// to its nearest kept ancestor, and so do its warnings and errors (never dropped with it).
/// </summary>
internal sealed class TimelineTree
{
    private readonly IReadOnlyDictionary<SpanKey, TimelineSpan> _spans;
    private readonly Dictionary<SpanKey, List<SpanKey>> _children = [];
    private readonly List<SpanKey> _roots = [];
    private readonly Dictionary<SpanKey, List<BuildDiagnostic>> _diagnostics = [];
    private readonly List<BuildDiagnostic> _orphans = [];

    private TimelineTree(IReadOnlyDictionary<SpanKey, TimelineSpan> spans) => _spans = spans;

    public int ErrorCount { get; private set; }

    public int WarningCount { get; private set; }

    public static TimelineTree Build(IReadOnlyDictionary<SpanKey, TimelineSpan> spans, LoggerParameters parameters, DateTime buildEndUtc)
    {
        var tree = new TimelineTree(spans);
        var kept = spans.Where(s => s.Value.Duration(buildEndUtc).TotalMilliseconds >= Minimum(s.Value.Kind, parameters)).Select(s => s.Key).ToHashSet();
        foreach (var (key, span) in spans.OrderBy(s => s.Value.StartUtc))
        {
            var home = kept.Contains(key) ? key : tree.KeptAncestor(span.Parent ?? key.Up(), kept);
            if (kept.Contains(key))
            {
                var parent = tree.KeptAncestor(span.Parent, kept);
                (parent is { } p ? tree.ChildList(p) : tree._roots).Add(key);
            }

            foreach (var diagnostic in span.Diagnostics ?? [])
            {
                tree.ErrorCount += diagnostic.IsError ? 1 : 0;
                tree.WarningCount += diagnostic.IsError ? 0 : 1;
                (home is { } h ? tree.DiagnosticList(h) : tree._orphans).Add(diagnostic);
            }
        }

        return tree;
    }

    public TimelineSpan Span(SpanKey key) => _spans[key];

    /// <summary>The kept children of <paramref name="key"/> in start order; of the build itself for null.</summary>
    public IReadOnlyList<SpanKey> Children(SpanKey? key) => key is { } k ? _children.GetValueOrDefault(k) ?? [] : _roots;

    /// <summary>The warnings and errors to write in <paramref name="key"/>'s span; of the build span itself for null.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics(SpanKey? key) => key is { } k ? _diagnostics.GetValueOrDefault(k) ?? [] : _orphans;

    private static double Minimum(string kind, LoggerParameters parameters) => kind switch
    {
        MSBuildSemantics.ProjectKind => parameters.MinProjectMilliseconds,
        MSBuildSemantics.TargetKind => parameters.MinTargetMilliseconds,
        _ => parameters.MinTaskMilliseconds,
    };

    private SpanKey? KeptAncestor(SpanKey? start, HashSet<SpanKey> kept)
    {
        for (var key = start; key is { } k;)
        {
            if (kept.Contains(k))
            {
                return k;
            }

            key = _spans.TryGetValue(k, out var span) ? span.Parent ?? k.Up() : k.Up();
        }

        return null;
    }

    private List<SpanKey> ChildList(SpanKey key) => _children.TryGetValue(key, out var list) ? list : _children[key] = [];

    private List<BuildDiagnostic> DiagnosticList(SpanKey key) => _diagnostics.TryGetValue(key, out var list) ? list : _diagnostics[key] = [];
}
