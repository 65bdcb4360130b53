using System.Globalization;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Channels.Alertmanager;

/// <summary>
/// Alertmanager's <c>postableAlerts</c>: one object per alert with <c>labels</c>, <c>annotations</c>,
/// <c>startsAt</c>, <c>endsAt</c> and <c>generatorURL</c>. The annotations carry the instance's own, and what Vigil
/// knows beside them: <c>value</c>, <c>threshold</c>, the evidence (<c>error_type</c>, <c>error_message</c>,
/// <c>culprit</c>, <c>trace_id</c>, <c>log_lines</c>) and the links (<c>vigil_alert_url</c>, <c>vigil_ack_url</c>, ...).
/// </summary>
internal static class AlertmanagerPostableAlerts
{
    public static byte[] Write(Notification notification, TimeSpan? firingEndsAfter)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var notified in notification.Alerts)
            {
                Write(json, notified, notification, firingEndsAfter);
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>RFC 3339 in UTC with milliseconds, as Alertmanager writes times.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Write(Utf8JsonWriter json, NotifiedAlert notified, Notification notification, TimeSpan? firingEndsAfter)
    {
        var alert = notified.Alert;
        json.WriteStartObject();
        json.WritePropertyName("labels");
        WriteMap(json, AlertmanagerLabelNames.MapAll(Labels(alert)));
        json.WritePropertyName("annotations");
        WriteMap(json, AlertmanagerLabelNames.MapAll(Annotations(notified)));
        var startsAt = alert.FiredAt ?? alert.ActiveSince;
        if (startsAt != default)
        {
            json.WriteString("startsAt", Time(startsAt));
        }

        if (alert.State == AlertState.Firing)
        {
            // Left out, Alertmanager's resolve_timeout decides; given, the alert fires until then unless re-sent.
            if (firingEndsAfter is { } after)
            {
                json.WriteString("endsAt", Time(notification.At + after));
            }
        }
        else
        {
            // Resolved (or no longer firing): an end in the past is how Alertmanager is told it is over.
            var endsAt = alert.ResolvedAt ?? notification.At;
            json.WriteString("endsAt", Time(endsAt < startsAt ? startsAt : endsAt));
        }

        if ((notified.Links.Alert ?? notification.ExternalUrl) is { } generator)
        {
            json.WriteString("generatorURL", generator.AbsoluteUri);
        }

        json.WriteEndObject();
    }

    private static AlertLabels Labels(AlertInstance alert) =>
        alert.Labels.ContainsKey(AlertLabels.AlertName) || alert.RuleName.Length == 0
            ? alert.Labels
            : alert.Labels.With([new(AlertLabels.AlertName, alert.RuleName)]);

    private static List<KeyValuePair<string, string>> Annotations(NotifiedAlert notified)
    {
        var alert = notified.Alert;
        var evidence = alert.Evidence;
        var annotations = new List<KeyValuePair<string, string>>(alert.Annotations);
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value) && !alert.Annotations.ContainsKey(name))
            {
                annotations.Add(new(name, value));
            }
        }

        Add("value", alert.Value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : null);
        Add("threshold", alert.Threshold is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : null);
        Add("detail", evidence.Detail);
        Add("error_type", evidence.ErrorType);
        Add("error_message", evidence.ErrorMessage);
        Add("culprit", evidence.Culprit);
        Add("trace_id", evidence.TraceId);
        Add("log_lines", evidence.LogLines.Count > 0 ? string.Join('\n', evidence.LogLines.Take(AlertText.MaxEvidenceLines)) : null);
        Add("vigil_alert_id", alert.Id > 0 ? alert.Id.ToString(CultureInfo.InvariantCulture) : null);
        Add("vigil_alert_url", notified.Links.Alert?.AbsoluteUri);
        Add("vigil_ack_url", notified.Links.Acknowledge?.AbsoluteUri);
        Add("vigil_error_group_url", notified.Links.ErrorGroup?.AbsoluteUri);
        Add("vigil_trace_url", notified.Links.Trace?.AbsoluteUri);
        return annotations;
    }

    private static void WriteMap(Utf8JsonWriter json, SortedDictionary<string, string> map)
    {
        json.WriteStartObject();
        foreach (var (name, value) in map)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }
}
