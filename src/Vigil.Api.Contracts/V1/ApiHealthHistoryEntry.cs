namespace Vigil.Api.Contracts.V1;

/// <summary>One result of an <see cref="ApiHealthHistory"/>: an <see cref="ApiHealthResult"/> without its key and data.</summary>
public sealed record ApiHealthHistoryEntry
{
    /// <summary>When it ran.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The status after any rule (a probe's degraded when slow).</summary>
    public ApiHealthStatus Status { get; init; }

    /// <summary>The status as observed.</summary>
    public ApiHealthStatus Observed { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>What it said.</summary>
    public string? Description { get; init; }
}
