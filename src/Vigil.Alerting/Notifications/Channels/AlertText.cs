using System.Globalization;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Channels;

/// <summary>
/// The words every human-facing channel (Slack, e-mail) uses for a notification, so that they say the same thing:
/// the status, the title, each alert's summary, its value against its threshold, its evidence.
/// </summary>
internal static class AlertText
{
    /// <summary>At most this many alerts are shown one by one; the rest are counted.</summary>
    public const int MaxAlertsShown = 10;

    /// <summary>At most this many evidence lines per alert.</summary>
    public const int MaxEvidenceLines = 5;

    /// <summary>FIRING, RESOLVED, ESCALATION (LEVEL n), REMINDER or TEST.</summary>
    public static string Status(Notification notification) => notification.Kind switch
    {
        NotificationKind.Test => "TEST",
        NotificationKind.Escalation => notification.EscalationLevel is { } level
            ? string.Create(CultureInfo.InvariantCulture, $"ESCALATION (LEVEL {level})")
            : "ESCALATION",
        NotificationKind.Reminder when notification.IsFiring => "STILL FIRING",
        _ => notification.IsFiring ? "FIRING" : "RESOLVED",
    };

    /// <summary>How many of the group's alerts fire.</summary>
    public static int FiringCount(Notification notification) => notification.Alerts.Count(a => a.Alert.State == AlertState.Firing);

    /// <summary>The rules involved: the group's alertname, else the distinct rule names.</summary>
    public static string AlertNames(Notification notification)
    {
        if (notification.GroupLabels.TryGetValue(AlertLabels.AlertName, out var name))
        {
            return name;
        }

        var names = notification.Alerts.Select(a => a.Alert.RuleName).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "(no alert)" : string.Join(", ", names);
    }

    /// <summary>The group's labels other than alertname, as <c>service=shop, env=prod</c>.</summary>
    public static string GroupText(Notification notification) =>
        string.Join(", ", notification.GroupLabels.Where(l => l.Key != AlertLabels.AlertName).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>One line that says what happened: <c>FIRING: HighErrors (service=shop), 2 alerts</c>.</summary>
    public static string Title(Notification notification)
    {
        var group = GroupText(notification);
        var firing = FiringCount(notification);
        var count = notification.IsFiring
            ? string.Create(CultureInfo.InvariantCulture, $", {firing} firing")
            : string.Empty;
        return $"{Status(notification)}: {AlertNames(notification)}{(group.Length > 0 ? $" ({group})" : string.Empty)}{count}";
    }

    /// <summary>The alert's one-line summary: its <c>summary</c> annotation, else its rule and labels.</summary>
    public static string Summary(AlertInstance alert) =>
        alert.Annotations.TryGetValue("summary", out var summary) && summary.Length > 0 ? summary : $"{alert.RuleName} {alert.Labels}";

    /// <summary>The alert's <c>description</c> annotation, if any.</summary>
    public static string? Description(AlertInstance alert) =>
        alert.Annotations.TryGetValue("description", out var text) && text.Length > 0 ? text : null;

    /// <summary><c>value 12 (threshold 5)</c>, or null when the rule has neither.</summary>
    public static string? ValueText(AlertInstance alert)
    {
        if (alert.Value is null && alert.Threshold is null)
        {
            return null;
        }

        var value = alert.Value is { } v ? Number(v) : "none";
        return alert.Threshold is { } t ? $"value {value} (threshold {Number(t)})" : $"value {value}";
    }

    /// <summary>Lines that describe the evidence besides its log lines: what was measured, then the error group.</summary>
    public static IReadOnlyList<string> EvidenceText(AlertEvidence evidence)
    {
        var lines = new List<string>();
        if (evidence.Detail is { } detail)
        {
            lines.Add(detail);
        }

        if (evidence.ErrorType is not null || evidence.ErrorMessage is not null)
        {
            lines.Add($"{evidence.ErrorType ?? "error"}: {evidence.ErrorMessage ?? string.Empty}".TrimEnd(' ', ':'));
        }

        if (evidence.Culprit is not null)
        {
            lines.Add($"at {evidence.Culprit}");
        }

        return lines;
    }

    /// <summary>The first few matching log lines.</summary>
    public static IReadOnlyList<string> LogLines(AlertEvidence evidence) => [.. evidence.LogLines.Take(MaxEvidenceLines)];

    /// <summary>The links that apply to one alert, with their captions.</summary>
    public static IReadOnlyList<(string Caption, Uri Url)> Links(NotifiedAlert alert)
    {
        var links = new List<(string, Uri)>();
        if (alert.Links.Alert is { } a)
        {
            links.Add(("Alert", a));
        }

        if (alert.Links.Acknowledge is { } ack)
        {
            links.Add(("Acknowledge", ack));
        }

        if (alert.Links.ErrorGroup is { } g)
        {
            links.Add(("Error group", g));
        }

        if (alert.Links.Trace is { } t)
        {
            links.Add(("Trace", t));
        }

        return links;
    }

    /// <summary>A state word for one alert.</summary>
    public static string State(AlertInstance alert) => alert.State switch
    {
        AlertState.Firing => "firing",
        AlertState.Resolved => "resolved",
        AlertState.Pending => "pending",
        _ => "inactive",
    };

    /// <summary>A number as people read it: invariant, up to 6 significant digits.</summary>
    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
