namespace Vigil.Storage;

/// <summary>What one signal holds in a store.</summary>
public sealed record SignalUsage
{
    /// <summary>The signals, in the order <see cref="IStoreUsageReader.ReadSignalUsageAsync"/> answers them.</summary>
    public static IReadOnlyList<string> Signals { get; } = ["logs", "spans", "metrics", "errors", "health"];

    /// <summary>One of <see cref="Signals"/>.</summary>
    public required string Signal { get; init; }

    /// <summary>Its records: log records, spans, metric points, error events or health results.</summary>
    public long Records { get; init; }

    /// <summary>Its records at or after the time asked (log records: by their block's latest time).</summary>
    public long RecordsSince { get; init; }

    /// <summary>
    /// Its bytes. SQLite: the stored length of its rows' values (log records: their compressed blocks), without
    /// indexes or page overhead, so the signals add up to less than the store's used bytes. PostgreSQL: its tables'
    /// and partitions' total relation size, indexes included.
    /// </summary>
    public long Bytes { get; init; }
}
