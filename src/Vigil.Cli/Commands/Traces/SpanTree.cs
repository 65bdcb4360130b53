using Vigil.Model;

namespace Vigil.Cli.Commands.Traces;

/// <summary>
/// Orders a trace's spans depth-first, children by start time, each with its depth. A span
/// whose parent is not stored (not received yet, or dropped) is shown as a root so nothing
/// disappears.
/// </summary>
internal static class SpanTree
{
    /// <summary>The spans in display order with their depth (0 for roots).</summary>
    public static IReadOnlyList<(SpanEntry Span, int Depth)> Flatten(IReadOnlyList<SpanEntry> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans
            .Where(s => s.ParentSpanId is { } parent && ids.Contains(parent))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var roots = spans.Where(s => s.ParentSpanId is not { } parent || !ids.Contains(parent)).OrderBy(s => s.StartTime);

        var ordered = new List<(SpanEntry, int)>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        Walk(roots, children, visited, ordered);

        // Spans in a parent cycle have no root above them; show them rather than lose them.
        while (spans.Where(s => !visited.Contains(s.SpanId)).OrderBy(s => s.StartTime).FirstOrDefault() is { } orphan)
        {
            Walk([orphan], children, visited, ordered);
        }

        return ordered;
    }

    private static void Walk(IEnumerable<SpanEntry> roots, ILookup<string, SpanEntry> children, HashSet<string> visited, List<(SpanEntry, int)> ordered)
    {
        var stack = new Stack<(SpanEntry Span, int Depth)>();
        foreach (var root in roots.Reverse())
        {
            stack.Push((root, 0));
        }

        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();

            // A malformed trace can contain a cycle or a duplicated span id; each span is shown once.
            if (!visited.Add(span.SpanId))
            {
                continue;
            }

            ordered.Add((span, depth));
            foreach (var child in children[span.SpanId].OrderByDescending(c => c.StartTime))
            {
                stack.Push((child, depth + 1));
            }
        }
    }
}
