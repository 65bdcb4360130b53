using System.Net;
using System.Text;
using MimeKit;

namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>
/// The message for one notification: a plain-text body and an HTML body (every value HTML-encoded) with each alert's
/// summary, value and threshold, labels, evidence and links. <c>Auto-Submitted</c> (RFC 3834) keeps auto-responders
/// from answering it; <c>X-Vigil-Group-Key</c> lets a mail rule thread one group's messages; the Message-ID is the
/// notification's key.
/// </summary>
internal static class EmailMessage
{
    public static MimeMessage Build(Notification notification, EmailChannelOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = SubjectTemplate.Render(options.Subject ?? EmailChannelOptions.DefaultSubject, notification);
        message.Date = notification.At;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // The notification's key as the Message-ID: a message sent again by a new leader (the old one sent it but never
        // recorded it) has the same id, which mail stores that deduplicate drop.
        message.MessageId = $"{notification.Key}.vigil@{message.From.Mailboxes.First().Domain}";
        if (notification.GroupKey.Length > 0)
        {
            message.Headers.Add("X-Vigil-Group-Key", ChannelHttp.OneLine(notification.GroupKey));
        }

        message.Body = new BodyBuilder { TextBody = Text(notification), HtmlBody = Html(notification) }.ToMessageBody();
        return message;
    }

    public static string Text(Notification notification)
    {
        var text = new StringBuilder();
        text.Append(AlertText.Title(notification)).Append("\n\n");
        foreach (var notified in notification.Alerts.Take(AlertText.MaxAlertsShown))
        {
            var alert = notified.Alert;
            text.Append("* ").Append(AlertText.Summary(alert)).Append(" (").Append(AlertText.State(alert)).Append(")\n");
            if (AlertText.Description(alert) is { } description)
            {
                text.Append("  ").Append(description).Append('\n');
            }

            if (AlertText.ValueText(alert) is { } value)
            {
                text.Append("  ").Append(value).Append('\n');
            }

            text.Append("  labels: ").Append(alert.Labels.ToString()).Append('\n');
            foreach (var line in AlertText.EvidenceText(alert.Evidence))
            {
                text.Append("  ").Append(line).Append('\n');
            }

            foreach (var line in AlertText.LogLines(alert.Evidence))
            {
                text.Append("  | ").Append(line).Append('\n');
            }

            foreach (var (caption, url) in AlertText.Links(notified))
            {
                text.Append("  ").Append(caption).Append(": ").Append(url.AbsoluteUri).Append('\n');
            }

            text.Append('\n');
        }

        if (notification.Alerts.Count > AlertText.MaxAlertsShown)
        {
            text.Append("and ").Append(notification.Alerts.Count - AlertText.MaxAlertsShown).Append(" more alerts\n");
        }

        return text.ToString();
    }

    public static string Html(Notification notification)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        html.Append("<h2>").Append(E(AlertText.Title(notification))).Append("</h2>");
        foreach (var notified in notification.Alerts.Take(AlertText.MaxAlertsShown))
        {
            var alert = notified.Alert;
            html.Append("<h3>").Append(E(AlertText.Summary(alert))).Append(" <small>(").Append(E(AlertText.State(alert))).Append(")</small></h3>");
            if (AlertText.Description(alert) is { } description)
            {
                html.Append("<p>").Append(E(description)).Append("</p>");
            }

            if (AlertText.ValueText(alert) is { } value)
            {
                html.Append("<p><b>").Append(E(value)).Append("</b></p>");
            }

            html.Append("<p><code>").Append(E(alert.Labels.ToString())).Append("</code></p>");
            foreach (var line in AlertText.EvidenceText(alert.Evidence))
            {
                html.Append("<p>").Append(E(line)).Append("</p>");
            }

            var logs = AlertText.LogLines(alert.Evidence);
            if (logs.Count > 0)
            {
                html.Append("<pre>").Append(E(string.Join('\n', logs))).Append("</pre>");
            }

            var links = AlertText.Links(notified);
            if (links.Count > 0)
            {
                html.Append("<p>").AppendJoin(" &middot; ", links.Select(l => $"<a href=\"{E(l.Url.AbsoluteUri)}\">{E(l.Caption)}</a>")).Append("</p>");
            }
        }

        if (notification.Alerts.Count > AlertText.MaxAlertsShown)
        {
            html.Append("<p>and ").Append(notification.Alerts.Count - AlertText.MaxAlertsShown).Append(" more alerts</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
