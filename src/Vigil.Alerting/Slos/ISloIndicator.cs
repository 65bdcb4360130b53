namespace Vigil.Alerting.Slos;

/// <summary>What an SLO measures: it counts good and total events over any window.</summary>
public interface ISloIndicator
{
    /// <summary>One line saying what is counted, for listings and alert annotations.</summary>
    string Description { get; }

    /// <summary>Counts the events of [<paramref name="windowStart"/>, <paramref name="windowEnd"/>).</summary>
    /// <param name="sources">Where the events are read.</param>
    /// <param name="windowStart">The window's start (inclusive).</param>
    /// <param name="windowEnd">The window's end (exclusive).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The good and total events.</returns>
    Task<SloEvents> CountAsync(SloSources sources, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default);
}
