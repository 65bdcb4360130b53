namespace Vigil.Model;

/// <summary>The spellings of <see cref="NotificationAttempt.Kind"/>: why a notification was sent.</summary>
public static class NotificationKind
{
    /// <summary>A group's first notification, or one after new alerts joined it.</summary>
    public const string Firing = "firing";

    /// <summary>Every alert of the group has resolved.</summary>
    public const string Resolved = "resolved";

    /// <summary>Nobody acknowledged in time, so the next level of the escalation policy is told.</summary>
    public const string Escalation = "escalation";

    /// <summary>The repeat interval passed and the group still fires.</summary>
    public const string Reminder = "reminder";

    /// <summary><c>vigil alerts test CHANNEL</c>.</summary>
    public const string Test = "test";
}
