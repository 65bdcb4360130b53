namespace Vigil.Model;

/// <summary>What one <c>WriteAsync</c> call stores, in one transaction.</summary>
public sealed record TelemetryBatch
{
    /// <summary>The log records.</summary>
    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    /// <summary>The spans.</summary>
    public IReadOnlyList<SpanEntry> Spans { get; init; } = [];

    /// <summary>The metric points.</summary>
    public IReadOnlyList<MetricPoint> MetricPoints { get; init; } = [];

    /// <summary>
    /// Health results written directly (probes). Results of application checks arrive as log records
    /// (see <see cref="HealthLogRecord"/>) and are recorded from <see cref="Logs"/>.
    /// </summary>
    public IReadOnlyList<HealthResult> HealthResults { get; init; } = [];

    /// <summary>
    /// The push positions this batch moves (<see cref="PushMark"/>); empty for everything but <c>vigil push</c>.
    /// </summary>
    public IReadOnlyList<PushMark> PushMarks { get; init; } = [];

    /// <summary>True when the batch holds nothing (a push mark alone is something: it moves a position).</summary>
    public bool IsEmpty => Logs.Count == 0 && Spans.Count == 0 && MetricPoints.Count == 0 && HealthResults.Count == 0 && PushMarks.Count == 0;
}
