namespace Vigil.Model;

/// <summary>One attempt to deliver one notification to one channel, kept in the store (<c>vigil alerts history</c>).</summary>
public sealed record NotificationAttempt
{
    /// <summary>The store's id for this attempt.</summary>
    public long Id { get; init; }

    /// <summary>The channel's configured name.</summary>
    public string Channel { get; init; } = string.Empty;

    /// <summary>The notification group's key: the values of the route's group-by labels.</summary>
    public string GroupKey { get; init; } = string.Empty;

    /// <summary>The alert instances the notification carried.</summary>
    public IReadOnlyList<long> AlertIds { get; init; } = [];

    /// <summary>"firing", "resolved", "escalation" (with <see cref="EscalationLevel"/>), "reminder" or "test".</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>For an escalation, the level it reached (1 is the first level).</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>Which attempt this was for this notification: 1 is the first, then each retry.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>How it ended.</summary>
    public NotificationOutcome Outcome { get; init; }

    /// <summary>For a failure, what went wrong (an HTTP status, a timeout, an SMTP reply), in one line; for a suppression, why.</summary>
    public string? Detail { get; init; }
}
