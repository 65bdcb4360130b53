using System.Globalization;
using System.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Email;

/// <summary>
/// The e-mail subject's few placeholders: <c>{status}</c>, <c>{alertname}</c>, <c>{group}</c> (the group's labels
/// but alertname), <c>{count}</c> (firing alerts) and <c>{receiver}</c>. <c>{{</c> and <c>}}</c> write a brace.
/// A subject is one line, so line breaks in values become spaces (a header injection otherwise).
/// </summary>
internal static class SubjectTemplate
{
    private static readonly string[] s_names = ["status", "alertname", "group", "count", "receiver"];

    /// <summary>What is wrong with a template, or null.</summary>
    public static string? Problem(string template)
    {
        var error = (string?)null;
        _ = Expand(template, name =>
        {
            error ??= s_names.Contains(name, StringComparer.Ordinal) ? null : $"{ConfigurationText.Show("{" + name + "}")} is not a placeholder (use {string.Join(", ", s_names.Select(n => "{" + n + "}"))})";
            return string.Empty;
        }, out var unclosed);
        return error ?? (unclosed ? "a '{' is not closed; write {{ for a brace" : null);
    }

    public static string Render(string template, Notification notification)
    {
        var subject = Expand(template, name => name switch
        {
            "status" => AlertText.Status(notification),
            "alertname" => AlertText.AlertNames(notification),
            "group" => AlertText.GroupText(notification),
            "count" => AlertText.FiringCount(notification).ToString(CultureInfo.InvariantCulture),
            "receiver" => notification.Receiver,
            _ => string.Empty,
        }, out _);
        var line = string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 250 ? line : string.Concat(line.AsSpan(0, 249), "\u2026");
    }

    private static string Expand(string template, Func<string, string> value, out bool unclosed)
    {
        var text = new StringBuilder(template.Length + 32);
        unclosed = false;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    unclosed = true;
                    text.Append(template, i, template.Length - i);
                    break;
                }

                text.Append(value(template[(i + 1)..end].Trim()));
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
