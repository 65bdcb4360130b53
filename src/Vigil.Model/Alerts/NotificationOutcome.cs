namespace Vigil.Model;

/// <summary>How one attempt to deliver a notification ended.</summary>
public enum NotificationOutcome
{
    /// <summary>The channel accepted it.</summary>
    Delivered,

    /// <summary>The channel refused it or could not be reached; a retry may follow.</summary>
    Failed,

    /// <summary>It was not sent: a silence, a mute window or an inhibiting alert held it back.</summary>
    Suppressed,
}
