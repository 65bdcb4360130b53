namespace Vigil.Storage;

/// <summary>
/// Decides at read time whether a group's rate spikes: its events in the last hour exceed
/// <see cref="ErrorTrackingOptions.SpikeFactor"/> times its average hourly rate over the 24 hours before, and number
/// at least <see cref="ErrorTrackingOptions.SpikeMinimumEvents"/>. Read from the hourly counts, so a spike ends by
/// itself as the hour passes.
/// </summary>
internal static class SpikeDetector
{
    /// <summary>The hours of counts <see cref="IsSpiking"/> reads: the current one and the 24 before it.</summary>
    public const int Hours = 25;

    /// <param name="hourly">
    /// <see cref="Hours"/> counts, oldest first; the last is the current (partial) hour.
    /// </param>
    /// <param name="elapsedOfCurrentHour">How much of the current hour has passed, 0 to 1.</param>
    /// <param name="options">The factor and minimum.</param>
    public static bool IsSpiking(IReadOnlyList<long> hourly, double elapsedOfCurrentHour, ErrorTrackingOptions options)
    {
        if (hourly.Count != Hours)
        {
            throw new ArgumentException($"Expected {Hours} hourly counts.", nameof(hourly));
        }

        // "The last hour" slides: the current bucket plus the part of the previous one still inside the last 60
        // minutes, so a burst does not vanish at the top of the hour.
        var elapsed = Math.Clamp(elapsedOfCurrentHour, 0, 1);
        var recent = hourly[^1] + (hourly[^2] * (1 - elapsed));
        double previous = 0;
        for (var i = 0; i < Hours - 1; i++)
        {
            previous += hourly[i];
        }

        var average = previous / (Hours - 1);
        return recent >= options.SpikeMinimumEvents && recent > options.SpikeFactor * average;
    }

    /// <summary>One step up, capped at <see cref="ErrorSeverity.Critical"/>.</summary>
    public static ErrorSeverity Raise(ErrorSeverity severity) =>
        severity >= ErrorSeverity.Critical ? ErrorSeverity.Critical : severity + 1;
}
