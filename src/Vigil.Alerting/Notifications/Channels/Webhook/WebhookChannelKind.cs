using Vigil.Alerting.Notifications.Channels;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>The <c>webhook</c> kind: the Alertmanager webhook v4 payload, posted as JSON.</summary>
internal sealed class WebhookChannelKind : NotificationChannelKind
{
    public const string KindName = "webhook";

    // Headers the HTTP stack sets itself; a configured one would be ignored or break the request.
    private static readonly HashSet<string> s_reservedHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Type", "Content-Length", "Host", "Transfer-Encoding", "Connection" };

    public override string Name => KindName;

    public override IEnumerable<ConfigurationProblem> Validate(NotificationChannelOptions options, string path)
    {
        var at = $"{path}:{nameof(options.Webhook)}";
        foreach (var problem in ChannelKindSections.Check(options, path, KindName, nameof(options.Webhook), options.Webhook, "{ \"Url\": \"https://...\" }"))
        {
            yield return problem;
        }

        if (options.Webhook is not { } webhook)
        {
            yield break;
        }

        if (webhook.Url is not { IsAbsoluteUri: true, Scheme: "http" or "https" } url || url.UserInfo.Length > 0)
        {
            yield return new ConfigurationProblem($"{at}:Url", webhook.Url is null
                ? "is missing: an absolute http:// or https:// URL"
                : $"{ConfigurationText.Show(webhook.Url.OriginalString)} is not allowed: an absolute http:// or https:// URL without user:password (put credentials in Headers)");
        }

        if (webhook.Headers.Count > WebhookChannelOptions.MaxHeaders)
        {
            yield return new ConfigurationProblem($"{at}:Headers", $"has {webhook.Headers.Count} headers: at most {WebhookChannelOptions.MaxHeaders}");
        }

        foreach (var (name, value) in webhook.Headers)
        {
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c is ':' or '(' or ')' or ',' or ';' or '"'))
            {
                yield return new ConfigurationProblem($"{at}:Headers:{name}", "is not an HTTP header name: ASCII letters, digits and -");
            }
            else if (s_reservedHeaders.Contains(name))
            {
                yield return new ConfigurationProblem($"{at}:Headers:{name}", "is set by the webhook itself and cannot be configured");
            }
            else if (value.Any(c => c is '\r' or '\n' or '\0'))
            {
                yield return new ConfigurationProblem($"{at}:Headers:{name}", "has a line break or NUL in its value, which HTTP does not allow");
            }
        }

        if (webhook.MaxAlerts is < 0)
        {
            yield return new ConfigurationProblem($"{at}:MaxAlerts", $"{webhook.MaxAlerts} is not allowed: 0 (all) or more");
        }
    }

    public override INotificationChannel Create(NotificationChannelOptions options, NotificationChannelContext context) =>
        new WebhookChannel(options.Name!, options.Webhook!);
}
