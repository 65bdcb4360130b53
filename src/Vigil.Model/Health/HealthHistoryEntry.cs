namespace Vigil.Model;

/// <summary>One result in a <see cref="HealthHistory"/>: a <see cref="HealthResult"/> without its key and data.</summary>
public sealed record HealthHistoryEntry
{
    /// <summary>When it ran.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The status after any rule (<see cref="HealthResult.Status"/>).</summary>
    public HealthStatus Status { get; init; }

    /// <summary>The status as observed (<see cref="HealthResult.Observed"/>).</summary>
    public HealthStatus Observed { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>What it said, if anything.</summary>
    public string? Description { get; init; }
}
