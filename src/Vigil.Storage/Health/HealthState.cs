namespace Vigil.Storage;

/// <summary>Where one health check or probe stands now: its latest result, and since when its status holds.</summary>
public sealed record HealthState
{
    /// <summary>The latest result.</summary>
    public required HealthResult Latest { get; init; }

    /// <summary>When <see cref="HealthResult.Status"/> first took its current value (the first result, or the first after a change).</summary>
    public DateTimeOffset Since { get; init; }
}
