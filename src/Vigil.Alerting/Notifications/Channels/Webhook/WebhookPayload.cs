using System.Globalization;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>
/// The Alertmanager webhook v4 payload (prometheus.io/docs/alerting/latest/configuration/#webhook_config), so receivers
/// written for Alertmanager work unchanged. Vigil's own fields ride beside the standard ones in a <c>vigil</c> object,
/// at the top (kind, escalation level) and in each alert (id, value, threshold, evidence, links, acknowledgement):
/// receivers that do not know them ignore them.
/// </summary>
internal static class WebhookPayload
{
    // Alertmanager writes the zero time for an alert that has not ended.
    private const string ZeroTime = "0001-01-01T00:00:00Z";

    public static byte[] Write(Notification notification, int maxAlerts)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var alerts = maxAlerts > 0 ? notification.Alerts.Take(maxAlerts).ToList() : notification.Alerts;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "4");
            json.WriteString("groupKey", notification.GroupKey);
            json.WriteNumber("truncatedAlerts", notification.Alerts.Count - alerts.Count);
            json.WriteString("status", notification.IsFiring ? "firing" : "resolved");
            json.WriteString("receiver", notification.Receiver);
            Labels(json, "groupLabels", notification.GroupLabels);
            Labels(json, "commonLabels", Common(notification.Alerts.Select(a => (IReadOnlyDictionary<string, string>)a.Alert.Labels)));
            Labels(json, "commonAnnotations", Common(notification.Alerts.Select(a => a.Alert.Annotations)));
            json.WriteString("externalURL", notification.ExternalUrl?.ToString() ?? string.Empty);
            json.WriteStartArray("alerts");
            foreach (var alert in alerts)
            {
                Alert(json, alert);
            }

            json.WriteEndArray();
            json.WriteStartObject("vigil");
            json.WriteString("kind", notification.Kind);
            json.WriteString("key", notification.Key);
            if (notification.EscalationLevel is { } level)
            {
                json.WriteNumber("escalationLevel", level);
            }

            json.WriteString("at", Time(notification.At));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Alert(Utf8JsonWriter json, NotifiedAlert notified)
    {
        var alert = notified.Alert;
        json.WriteStartObject();
        json.WriteString("status", alert.State == AlertState.Firing ? "firing" : "resolved");
        Labels(json, "labels", alert.Labels);
        Labels(json, "annotations", alert.Annotations);
        json.WriteString("startsAt", Time(alert.FiredAt ?? alert.ActiveSince));
        json.WriteString("endsAt", alert.State == AlertState.Firing || alert.ResolvedAt is null ? ZeroTime : Time(alert.ResolvedAt.Value));
        json.WriteString("generatorURL", notified.Links.Alert?.ToString() ?? string.Empty);
        json.WriteString("fingerprint", AlertFingerprint.Of(alert.Labels));
        json.WriteStartObject("vigil");
        json.WriteNumber("id", alert.Id);
        json.WriteString("rule", alert.RuleName);
        Number(json, "value", alert.Value);
        Number(json, "threshold", alert.Threshold);
        Evidence(json, alert.Evidence);
        json.WriteStartObject("links");
        Link(json, "alert", notified.Links.Alert);
        Link(json, "acknowledge", notified.Links.Acknowledge);
        Link(json, "errorGroup", notified.Links.ErrorGroup);
        Link(json, "trace", notified.Links.Trace);
        json.WriteEndObject();
        if (alert.Acknowledgement is { } ack)
        {
            json.WriteStartObject("acknowledgement");
            json.WriteString("by", ack.By);
            json.WriteString("at", Time(ack.At));
            if (ack.Comment is not null)
            {
                json.WriteString("comment", ack.Comment);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Evidence(Utf8JsonWriter json, AlertEvidence evidence)
    {
        json.WriteStartObject("evidence");
        json.WriteStartArray("logLines");
        foreach (var line in evidence.LogLines)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        Text(json, "detail", evidence.Detail);
        if (evidence.ErrorGroupId is { } group)
        {
            json.WriteNumber("errorGroupId", group);
        }

        Text(json, "errorType", evidence.ErrorType);
        Text(json, "errorMessage", evidence.ErrorMessage);
        Text(json, "culprit", evidence.Culprit);
        Text(json, "traceId", evidence.TraceId);
        json.WriteEndObject();
    }

    private static Dictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> sets)
    {
        Dictionary<string, string>? common = null;
        foreach (var set in sets)
        {
            if (common is null)
            {
                common = new Dictionary<string, string>(set, StringComparer.Ordinal);
                continue;
            }

            foreach (var (name, value) in common.ToList())
            {
                if (!set.TryGetValue(name, out var other) || other != value)
                {
                    common.Remove(name);
                }
            }
        }

        return common ?? [];
    }

    private static void Labels(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string>> labels)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.WriteNumber(name, number);
        }
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Link(Utf8JsonWriter json, string name, Uri? link)
    {
        if (link is not null)
        {
            json.WriteString(name, link.ToString());
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
