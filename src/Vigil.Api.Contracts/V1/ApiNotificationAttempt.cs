namespace Vigil.Api.Contracts.V1;

/// <summary>One attempt to deliver one notification to one channel.</summary>
public sealed record ApiNotificationAttempt
{
    /// <summary>The attempt's id.</summary>
    public long Id { get; init; }

    /// <summary>The channel's configured name.</summary>
    public string Channel { get; init; } = string.Empty;

    /// <summary>The notification group's key.</summary>
    public string GroupKey { get; init; } = string.Empty;

    /// <summary>The alert instances the notification carried.</summary>
    public IReadOnlyList<long> AlertIds { get; init; } = [];

    /// <summary>Why it was sent: <c>firing</c>, <c>resolved</c>, <c>escalation</c>, <c>reminder</c> or <c>test</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>For an escalation, the level it reached (1 is the first).</summary>
    public int? EscalationLevel { get; init; }

    /// <summary>Which attempt: 1 is the first, then each retry.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>When it was made.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>How it ended.</summary>
    public ApiNotificationOutcome Outcome { get; init; }

    /// <summary>What went wrong, or why it was held back, in one line.</summary>
    public string? Detail { get; init; }
}
