using System.Globalization;
using System.Text.Json;
using Vigil.Model;

namespace Vigil.Alerting.Notifications.Channels.Slack;

/// <summary>
/// The incoming-webhook body: <c>text</c> (what notifications and old clients show) and Block Kit <c>blocks</c>
/// (a header, a section per alert with its value, threshold and evidence, and a context line of links). Slack's
/// limits are kept: 150 characters in a header, 3,000 in a section, 50 blocks; text is escaped for mrkdwn.
/// </summary>
internal static class SlackPayload
{
    private const int MaxHeaderChars = 150;
    private const int MaxSectionChars = 3000;

    public static byte[] Write(Notification notification, SlackChannelOptions options)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", Escape(AlertText.Title(notification)));
            if (options.Channel is { Length: > 0 } channel)
            {
                json.WriteString("channel", channel);
            }

            if (options.Username is { Length: > 0 } username)
            {
                json.WriteString("username", username);
            }

            if (options.IconEmoji is { Length: > 0 } icon)
            {
                json.WriteString("icon_emoji", icon);
            }

            json.WriteStartArray("blocks");
            WriteHeader(json, notification);
            foreach (var alert in notification.Alerts.Take(AlertText.MaxAlertsShown))
            {
                WriteAlert(json, alert);
            }

            if (notification.Alerts.Count > AlertText.MaxAlertsShown)
            {
                WriteContext(json, string.Create(CultureInfo.InvariantCulture, $"and {notification.Alerts.Count - AlertText.MaxAlertsShown} more alerts"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Slack's mrkdwn escaping: only these three characters are control characters there.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void WriteHeader(Utf8JsonWriter json, Notification notification)
    {
        var icon = notification.Kind == NotificationKind.Test ? "\u2709\ufe0f" : notification.IsFiring ? "\U0001F525" : "\u2705";
        json.WriteStartObject();
        json.WriteString("type", "header");
        json.WritePropertyName("text");
        json.WriteStartObject();
        json.WriteString("type", "plain_text");
        json.WriteString("text", Cut($"{icon} {AlertText.Title(notification)}", MaxHeaderChars));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteAlert(Utf8JsonWriter json, NotifiedAlert notified)
    {
        var alert = notified.Alert;
        var text = new List<string> { $"*{Escape(AlertText.Summary(alert))}* ({AlertText.State(alert)})" };
        if (AlertText.Description(alert) is { } description)
        {
            text.Add(Escape(description));
        }

        if (AlertText.ValueText(alert) is { } value)
        {
            text.Add(value);
        }

        text.Add("`" + Escape(alert.Labels.ToString()).Replace("`", "'", StringComparison.Ordinal) + "`");
        text.AddRange(AlertText.EvidenceText(alert.Evidence).Select(l => "> " + Escape(l)));
        var logs = AlertText.LogLines(alert.Evidence);
        if (logs.Count > 0)
        {
            // A code block keeps log lines as they were; ``` inside one would end it early.
            text.Add("```" + string.Join('\n', logs.Select(l => Escape(l).Replace("```", "'''", StringComparison.Ordinal))) + "```");
        }

        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WritePropertyName("text");
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Cut(string.Join('\n', text), MaxSectionChars));
        json.WriteEndObject();
        json.WriteEndObject();

        var links = AlertText.Links(notified);
        if (links.Count > 0)
        {
            WriteContext(json, string.Join(" \u00b7 ", links.Select(l => $"<{Escape(l.Url.AbsoluteUri).Replace("|", "%7C", StringComparison.Ordinal)}|{l.Caption}>")));
        }
    }

    private static void WriteContext(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "context");
        json.WriteStartArray("elements");
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Cut(mrkdwn, MaxSectionChars));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");
}
