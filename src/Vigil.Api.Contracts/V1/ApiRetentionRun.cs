namespace Vigil.Api.Contracts.V1;

/// <summary>One retention run as the server recorded it in its store (<see cref="ApiStoreStatus.LastRetention"/>).</summary>
public sealed record ApiRetentionRun
{
    /// <summary>When the run ended.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Whether it ran; false: it failed (<see cref="Failure"/>) and the counts are 0.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Log records deleted.</summary>
    public long LogsDeleted { get; init; }

    /// <summary>Spans deleted.</summary>
    public long SpansDeleted { get; init; }

    /// <summary>Metric points deleted.</summary>
    public long MetricPointsDeleted { get; init; }

    /// <summary>Error events deleted.</summary>
    public long ErrorEventsDeleted { get; init; }

    /// <summary>Health results deleted.</summary>
    public long HealthResultsDeleted { get; init; }

    /// <summary>Metric series left without points and deleted.</summary>
    public long MetricSeriesDeleted { get; init; }

    /// <summary>Resources left without records and deleted.</summary>
    public long ResourcesDeleted { get; init; }

    /// <summary>The store's used bytes after the run.</summary>
    public long UsedBytesAfter { get; init; }

    /// <summary>The -wal file's bytes after the run.</summary>
    public long WalBytesAfter { get; init; }

    /// <summary>Why it failed; null when it ran.</summary>
    public string? Failure { get; init; }
}
