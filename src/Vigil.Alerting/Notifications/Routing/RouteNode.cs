using Vigil.Model;

namespace Vigil.Alerting.Notifications.Routing;

/// <summary>A node of the compiled routing tree: its own keys resolved against its parent's.</summary>
internal sealed record RouteNode
{
    /// <summary>Where it is in the tree (<c>0</c> for the root, <c>0.2.1</c> below), part of every group key.</summary>
    public required string Id { get; init; }

    public required IReadOnlyList<LabelMatcher> Matchers { get; init; }

    public required IReadOnlyList<string> Channels { get; init; }

    public bool Continue { get; init; }

    /// <summary>The grouping labels; ignored when <see cref="GroupByAll"/>.</summary>
    public required IReadOnlyList<string> GroupBy { get; init; }

    public bool GroupByAll { get; init; }

    public TimeSpan GroupWait { get; init; }

    public TimeSpan GroupInterval { get; init; }

    public TimeSpan RepeatInterval { get; init; }

    public EscalationPolicy? Escalation { get; init; }

    public required IReadOnlyList<MuteWindow> MuteWindows { get; init; }

    public IReadOnlyList<RouteNode> Children { get; init; } = [];

    /// <summary>The routes an alert ends at: Alertmanager's walk (first matching child, more while <c>Continue</c>, else this node).</summary>
    /// <param name="labels">The alert's labels.</param>
    /// <returns>The matching routes, in tree order; the root always matches.</returns>
    public IReadOnlyList<RouteNode> Match(AlertLabels labels)
    {
        var found = new List<RouteNode>();
        Walk(labels, found);
        return found;
    }

    /// <summary>The values of this route's group-by labels in <paramref name="labels"/>.</summary>
    public AlertLabels GroupLabels(AlertLabels labels) =>
        GroupByAll ? labels : AlertLabels.From(GroupBy.Select(name => new KeyValuePair<string, string>(name, labels.TryGetValue(name, out var v) ? v : string.Empty)));

    private bool Walk(AlertLabels labels, List<RouteNode> found)
    {
        if (!LabelMatcher.All(Matchers, labels))
        {
            return false;
        }

        var matched = false;
        foreach (var child in Children)
        {
            if (child.Walk(labels, found))
            {
                matched = true;
                if (!child.Continue)
                {
                    break;
                }
            }
        }

        if (!matched)
        {
            found.Add(this);
        }

        return true;
    }
}
