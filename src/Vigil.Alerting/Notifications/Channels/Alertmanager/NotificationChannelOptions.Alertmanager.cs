using Vigil.Alerting.Notifications.Channels.Alertmanager;

namespace Vigil.Alerting.Notifications;

/// <summary>The alertmanager kind's sub-section.</summary>
public sealed partial class NotificationChannelOptions
{
    /// <summary>The options of a channel of kind <c>alertmanager</c>.</summary>
    public AlertmanagerChannelOptions? Alertmanager { get; set; }
}
