namespace Vigil.Storage;

/// <summary>What one <see cref="ITelemetryStore.WriteAsync"/> call stores, in one transaction.</summary>
public sealed record TelemetryBatch
{
    /// <summary>The log records.</summary>
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    /// <summary>The spans.</summary>
    public IReadOnlyList<SpanEntry> Spans { get; init; } = [];

    /// <summary>The metric points.</summary>
    public IReadOnlyList<MetricPoint> MetricPoints { get; init; } = [];

    /// <summary>True when the batch holds nothing.</summary>
    public bool IsEmpty => Logs.Count == 0 && Spans.Count == 0 && MetricPoints.Count == 0;
}
