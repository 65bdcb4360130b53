namespace Vigil.Storage;

/// <summary>Where one health check or probe stands now: its latest result, and since when its status holds.</summary>
public sealed record HealthState
{
    /// <summary>The latest result.</summary>
    public required HealthResult Latest { get; init; }

    /// <summary>The worst status among <paramref name="states"/>: what <c>vigil health</c> exits with; healthy when there are none.</summary>
    /// <param name="states">The states.</param>
    /// <returns>The greatest <see cref="HealthResult.Status"/>.</returns>
    public static HealthStatus Worst(IReadOnlyCollection<HealthState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return states.Count == 0 ? HealthStatus.Healthy : states.Max(s => s.Latest.Status);
    }

    /// <summary>When <see cref="HealthResult.Status"/> first took its current value (the first result, or the first after a change).</summary>
    public DateTimeOffset Since { get; init; }
}
