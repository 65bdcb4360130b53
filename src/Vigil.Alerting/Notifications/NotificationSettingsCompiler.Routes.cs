using Vigil.Alerting.Notifications.Routing;
using Vigil.Model;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>The routing tree's part of the check: each node's keys resolved against its parent's.</summary>
internal static partial class NotificationSettingsCompiler
{
    private static RouteNode? Route(
        NotificationRouteOptions route,
        string path,
        string id,
        RouteNode? parent,
        int depth,
        HashSet<string> channels,
        Dictionary<string, EscalationPolicy> policies,
        Dictionary<string, MuteWindow> windows,
        List<ConfigurationProblem> problems)
    {
        var before = problems.Count;
        if (parent is null && route.Matchers.Count > 0)
        {
            problems.Add(new($"{path}:Matchers", "is not allowed on the root route, which takes every alert: put matchers on its Routes"));
        }

        if (parent is null && route.Continue)
        {
            problems.Add(new($"{path}:Continue", "is not allowed on the root route: it has no siblings"));
        }

        var matchers = Matchers(route.Matchers, $"{path}:Matchers", problems);
        ChannelNames(route.Channels, $"{path}:Channels", channels, problems, required: false);
        var groupBy = route.GroupBy is { } labels ? [.. labels] : parent?.GroupByAll == true ? [GroupByAll] : parent?.GroupBy.ToList() ?? [AlertLabels.AlertName];
        for (var i = 0; i < groupBy.Count; i++)
        {
            if (groupBy[i] != GroupByAll && !LabelMatcher.IsLabelName(groupBy[i] ?? string.Empty))
            {
                problems.Add(new($"{path}:GroupBy:{i}", $"{Show(groupBy[i])} is not a label name: letters, digits, '_' and '.', not starting with a digit, or '...' for every label"));
            }
        }

        if (groupBy.Contains(GroupByAll) && groupBy.Count > 1)
        {
            problems.Add(new($"{path}:GroupBy", "mixes '...' with label names: '...' already groups by every label, so give it alone"));
        }

        EscalationPolicy? policy = parent?.Escalation;
        if (route.Escalation is { } name && !policies.TryGetValue(name, out policy))
        {
            problems.Add(new($"{path}:Escalation", $"{Show(name)} is not an escalation policy: {(policies.Count == 0 ? "Alerts:Escalations declares none" : "one of " + string.Join(", ", policies.Keys.Order(StringComparer.Ordinal)))}"));
        }

        var muted = new List<MuteWindow>();
        for (var i = 0; i < route.MuteWindows.Count; i++)
        {
            if (windows.TryGetValue(route.MuteWindows[i] ?? string.Empty, out var window))
            {
                muted.Add(window);
            }
            else
            {
                problems.Add(new($"{path}:MuteWindows:{i}", $"{Show(route.MuteWindows[i])} is not a mute window: {(windows.Count == 0 ? "Alerts:MuteWindows declares none" : "one of " + string.Join(", ", windows.Keys.Order(StringComparer.Ordinal)))}"));
            }
        }

        var interval = route.GroupInterval ?? parent?.GroupInterval ?? NotificationRouteOptions.DefaultGroupInterval;
        var repeat = route.RepeatInterval ?? parent?.RepeatInterval ?? NotificationRouteOptions.DefaultRepeatInterval;
        // Said once, where a value was set: a child that inherits both is not told of its parent's mistake again.
        if (repeat < interval && (parent is null || route.RepeatInterval is not null || route.GroupInterval is not null))
        {
            problems.Add(new($"{path}:RepeatInterval", $"is shorter than the group interval ({interval}): a reminder can only come at a group's turn, so give at least the group interval"));
        }

        if (depth >= MaxRouteDepth && route.Routes.Count > 0)
        {
            problems.Add(new($"{path}:Routes", $"nests deeper than {MaxRouteDepth} levels: flatten the tree"));
            return null;
        }

        var node = new RouteNode
        {
            Id = id,
            Matchers = matchers,
            Channels = route.Channels.Count > 0 ? [.. route.Channels] : parent?.Channels ?? [.. channels.Where(c => !policies.Values.Any(p => p.Channels.Contains(c, StringComparer.Ordinal)))],
            Continue = route.Continue,
            GroupBy = [.. groupBy.Where(g => g != GroupByAll)],
            GroupByAll = groupBy.Contains(GroupByAll),
            GroupWait = route.GroupWait ?? parent?.GroupWait ?? NotificationRouteOptions.DefaultGroupWait,
            GroupInterval = interval,
            RepeatInterval = repeat,
            Escalation = policy,
            MuteWindows = muted.Count > 0 || parent is null ? muted : parent.MuteWindows,
        };

        var children = new List<RouteNode>();
        for (var i = 0; i < route.Routes.Count; i++)
        {
            if (Route(route.Routes[i], $"{path}:Routes:{i}", $"{id}.{i}", node, depth + 1, channels, policies, windows, problems) is { } child)
            {
                children.Add(child);
            }
        }

        return problems.Count > before ? null : node with { Children = children };
    }
}
