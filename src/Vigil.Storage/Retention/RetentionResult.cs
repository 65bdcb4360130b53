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

    /// <summary>Metric series deleted because no point of theirs was left.</summary>
    public long MetricSeriesDeleted { get; init; }

    /// <summary>Resources deleted because no record referred to them any more (SQLite; PostgreSQL keeps each record's resource in the record).</summary>
    public long ResourcesDeleted { get; init; }

    /// <summary>The store's used size in bytes after the pass (on SQLite the pages in use plus the -wal file).</summary>
    public long UsedBytesAfter { get; init; }

    /// <summary>The -wal file's bytes after the pass's checkpoint (SQLite; zero elsewhere).</summary>
    public long WalBytesAfter { get; init; }
}
