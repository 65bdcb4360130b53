using Vigil.Alerting.Notifications.Channels.Slack;

namespace Vigil.Alerting.Notifications;

/// <summary>The slack kind's sub-section.</summary>
public sealed partial class NotificationChannelOptions
{
    /// <summary>The options of a channel of kind <c>slack</c>.</summary>
    public SlackChannelOptions? Slack { get; set; }
}
