namespace Vigil.Storage;

/// <summary>What one retention pass deleted.</summary>
public sealed record RetentionResult
{
    /// <summary>Log records deleted.</summary>
    public long LogsDeleted { get; init; }

    /// <summary>Spans deleted.</summary>
    public long SpansDeleted { get; init; }

    /// <summary>Metric points deleted.</summary>
    public long MetricPointsDeleted { get; init; }

    /// <summary>Error events deleted (their groups, counts and hourly counts stay).</summary>
    public long ErrorEventsDeleted { get; init; }

    /// <summary>Health results deleted (the latest result of each check always stays).</summary>
    public long HealthResultsDeleted { get; init; }

    /// <summary>The store's used size in bytes after the pass.</summary>
    public long UsedBytesAfter { get; init; }
}
