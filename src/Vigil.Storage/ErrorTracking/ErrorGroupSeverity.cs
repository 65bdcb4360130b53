using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// A group's severity as a reader shows it: its base severity, raised one step while its rate spikes (see
/// <see cref="ErrorTrackingOptions.SpikeFactor"/>). Engine-independent; an engine reads the hourly counts it needs.
/// </summary>
public static class ErrorGroupSeverity
{
    /// <summary>The hours of counts <see cref="WithSpike"/> reads: the current one and the 24 before it.</summary>
    public const int HourlyCountsNeeded = SpikeDetector.Hours;

    /// <summary>
    /// Only a group with events in the last two hours can spike; for the others no counts need reading and
    /// <see cref="WithSpike"/> need not be called.
    /// </summary>
    public static bool MaySpike(ErrorGroup group, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.LastSeen >= ErrorHour.Start(now).AddHours(-1);
    }

    /// <summary>The group with <see cref="ErrorGroup.Severity"/> and <see cref="ErrorGroup.SeverityRaised"/> as they are now.</summary>
    /// <param name="group">The group as stored, with <see cref="ErrorGroup.FirstSeen"/>, <see cref="ErrorGroup.LastSeen"/> and <see cref="ErrorGroup.BaseSeverity"/>.</param>
    /// <param name="hourly"><see cref="HourlyCountsNeeded"/> counts, oldest first, the last for the hour that holds <paramref name="now"/>.</param>
    /// <param name="now">The time to read at.</param>
    /// <param name="options">The spike factor and minimum.</param>
    public static ErrorGroup WithSpike(ErrorGroup group, IReadOnlyList<long> hourly, DateTimeOffset now, ErrorTrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (!MaySpike(group, now))
        {
            return group;
        }

        var history = now.AddHours(-1) - group.FirstSeen;
        return SpikeDetector.IsSpiking(hourly, ErrorHour.Elapsed(now), history, options)
            ? group with { Severity = SpikeDetector.Raise(group.BaseSeverity), SeverityRaised = true }
            : group;
    }
}
