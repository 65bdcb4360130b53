namespace Vigil.Alerting.Slos;

/// <summary>
/// What an indicator counted over one window: the good events and all events (requests, observations, spans). Counts
/// are doubles because metric increases are; a good count above the total (two counters read at different moments)
/// is taken as the total, so an error ratio is never negative.
/// </summary>
/// <param name="Good">The good events.</param>
/// <param name="Total">All events.</param>
public readonly record struct SloEvents(double Good, double Total)
{
    /// <summary>No events at all.</summary>
    public static SloEvents None => default;

    /// <summary>The bad events: the total less the good, never below zero or above the total.</summary>
    public double Bad => Total <= 0 ? 0 : Math.Clamp(Total - Good, 0, Total);

    /// <summary>
    /// The share of bad events, from 0 to 1; null when there were no events. No traffic is not 0 % errors: nothing
    /// was measured, so attainment and burn rates are unknown rather than perfect.
    /// </summary>
    public double? ErrorRatio => Total > 0 ? Bad / Total : null;
}
