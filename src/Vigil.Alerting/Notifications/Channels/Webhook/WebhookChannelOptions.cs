using System.ComponentModel;

namespace Vigil.Alerting.Notifications;

/// <summary>A webhook: the Alertmanager webhook v4 JSON payload, posted to a URL.</summary>
[Description("the webhook options")]
public sealed class WebhookChannelOptions
{
    /// <summary>The most headers a webhook may add.</summary>
    public const int MaxHeaders = 32;

    /// <summary>Where to post (http or https).</summary>
    public Uri? Url { get; set; }

    /// <summary>Headers added to every request (an <c>Authorization</c> token, for instance).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most alerts one payload carries, as Alertmanager's <c>max_alerts</c>; 0 (the default) for all.</summary>
    public int? MaxAlerts { get; set; }
}
