namespace Vigil.Model;

/// <summary>One run of a health check or probe.</summary>
public sealed record HealthResult
{
    /// <summary>The check's or probe's name, unique within its service and kind.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Who ran it.</summary>
    public HealthSourceKind Kind { get; init; }

    /// <summary>The <c>service.name</c> of the application (checks) or of the server (probes), when known.</summary>
    public string? ServiceName { get; init; }

    /// <summary>
    /// The status this result reports for the check: for probes, after the failure and success thresholds
    /// (a single failed attempt does not flip a healthy probe).
    /// </summary>
    public HealthStatus Status { get; init; }

    /// <summary>The outcome of this attempt alone, before thresholds; equal to <see cref="Status"/> for checks.</summary>
    public HealthStatus Observed { get; init; }

    /// <summary>When the run finished.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>
    /// How often the check or probe is meant to run; null when its sender does not say (another SDK). A state whose
    /// latest result is older than <see cref="HealthStaleness.MissedRuns"/> intervals is stale (<see cref="HealthState.IsStale"/>).
    /// </summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>What the check said: its description, or the error that failed it.</summary>
    public string? Description { get; init; }

    /// <summary>The check's data (see <see cref="TelemetryAttributes"/> for the value types).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Data { get; init; } = [];
}
