namespace Vigil.Alerting.Notifications.Routing;

/// <summary>A compiled escalation policy.</summary>
internal sealed record EscalationPolicy(string Name, IReadOnlyList<EscalationLevel> Levels, int Repeat, TimeSpan RepeatDelay, TimeSpan? AcknowledgementTimeout)
{
    /// <summary>Every channel some level tells.</summary>
    public IEnumerable<string> Channels => Levels.SelectMany(l => l.Channels).Distinct(StringComparer.Ordinal);
}

/// <summary>One level: its channels and its delay after the level before.</summary>
internal sealed record EscalationLevel(IReadOnlyList<string> Channels, TimeSpan Delay);
