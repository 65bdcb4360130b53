namespace Vigil.Alerting.Notifications;

/// <summary>The webhook kind's sub-section.</summary>
public sealed partial class NotificationChannelOptions
{
    /// <summary>The options of a channel of kind <c>webhook</c>.</summary>
    public WebhookChannelOptions? Webhook { get; set; }
}
