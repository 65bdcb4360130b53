using Vigil.Alerting.Notifications.Routing;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Engine;

/// <summary>One aggregation group: the alerts of one route that share the values of its group-by labels, and its timers.</summary>
internal sealed class AlertGroup(RouteNode route, AlertLabels labels, DateTimeOffset firstFlush)
{
    public RouteNode Route { get; } = route;

    public AlertLabels Labels { get; } = labels;

    /// <summary>The route and the group labels: stable for as long as the group exists, and again when it comes back.</summary>
    public string Key { get; } = $"{route.Id}:{labels}";

    /// <summary>The keys of the member alerts.</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>When the group next looks at its alerts: the group wait after it formed, then each group interval.</summary>
    public DateTimeOffset NextFlush { get; set; } = firstFlush;

    /// <summary>The firing alerts the last notification told of (what deduplication compares with).</summary>
    public HashSet<string> LastFiring { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alerts whose suppression was last recorded, so a suppression is recorded once, not every turn.</summary>
    public HashSet<string> LastSuppressed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When the last notification (not escalation) was sent; null before the first.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>How many reminders the group has sent (restored from the store's attempts after a restart): the round of the next one's key.</summary>
    public int Reminders { get; set; }

    /// <summary>The escalation under way, once the group has notified and its route has a policy.</summary>
    public EscalationProgress? Escalation { get; set; }
}
