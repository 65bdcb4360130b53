using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Decides at read time whether a group's rate spikes: its events in the last hour exceed
/// <see cref="ErrorTrackingOptions.SpikeFactor"/> times its average hourly rate over the 24 hours before (or over its
/// life before the last hour, when shorter), and number at least <see cref="ErrorTrackingOptions.SpikeMinimumEvents"/>.
/// A group younger than that needs <see cref="MinimumHistory"/> before the last hour: without a baseline there is no
/// rise to measure, and a brand-new group shows as new, not as spiking. Read from the hourly counts, so a spike ends
/// by itself as the hour passes.
/// </summary>
internal static class SpikeDetector
{
    /// <summary>The hours of counts <see cref="IsSpiking"/> reads: the current one and the 24 before it.</summary>
    public const int Hours = 25;

    /// <summary>How long a group must have existed before the last hour for its rate to have a baseline.</summary>
    public static readonly TimeSpan MinimumHistory = TimeSpan.FromHours(1);

    /// <param name="hourly">
    /// <see cref="Hours"/> counts, oldest first; the last is the current (partial) hour.
    /// </param>
    /// <param name="elapsedOfCurrentHour">How much of the current hour has passed, 0 to 1.</param>
    /// <param name="history">How long the group existed before the last hour began: first seen to one hour ago.</param>
    /// <param name="options">The factor and minimum.</param>
    public static bool IsSpiking(IReadOnlyList<long> hourly, double elapsedOfCurrentHour, TimeSpan history, ErrorTrackingOptions options)
    {
        if (hourly.Count != Hours)
        {
            throw new ArgumentException($"Expected {Hours} hourly counts.", nameof(hourly));
        }

        if (history < MinimumHistory)
        {
            return false;
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

        // A group a few hours old is measured against those hours, not against a day it did not exist in.
        var average = previous / Math.Min(history.TotalHours, Hours - 1);
        return recent >= options.SpikeMinimumEvents && recent > options.SpikeFactor * average;
    }

    /// <summary>One step up, capped at <see cref="ErrorSeverity.Critical"/>.</summary>
    public static ErrorSeverity Raise(ErrorSeverity severity) =>
        severity >= ErrorSeverity.Critical ? ErrorSeverity.Critical : severity + 1;
}
