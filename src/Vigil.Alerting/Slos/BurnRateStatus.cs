namespace Vigil.Alerting.Slos;

/// <summary>One burn-rate alert's two windows, as last evaluated.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="LongEvents">The events of the long window.</param>
/// <param name="ShortEvents">The events of the short window.</param>
/// <param name="LongBurnRate">The burn rate over the long window; null with no events.</param>
/// <param name="ShortBurnRate">The burn rate over the short window; null with no events.</param>
public sealed record BurnRateStatus(BurnRateWindow Alert, SloEvents LongEvents, SloEvents ShortEvents, double? LongBurnRate, double? ShortBurnRate)
{
    /// <summary>True when both windows burn faster than the alert's factor.</summary>
    public bool IsActive => Alert.IsActive(LongBurnRate, ShortBurnRate);
}
