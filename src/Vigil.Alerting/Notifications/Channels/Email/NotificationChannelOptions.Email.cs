using Vigil.Alerting.Notifications.Channels.Email;

namespace Vigil.Alerting.Notifications;

/// <summary>The email kind's sub-section.</summary>
public sealed partial class NotificationChannelOptions
{
    /// <summary>The options of a channel of kind <c>email</c>.</summary>
    public EmailChannelOptions? Email { get; set; }
}
