namespace Vigil.Model;

/// <summary>
/// One value a metric point was made from, kept with the span it was recorded in (an OTLP exemplar): what links a
/// point on a chart to a trace.
/// </summary>
public sealed record MetricExemplar
{
    /// <summary>
    /// The most exemplars one point keeps. OpenTelemetry SDKs keep one per histogram bucket (or a handful for a sum);
    /// more is a sender's bug or an attack, and the rest are dropped and counted at ingest.
    /// </summary>
    public const int MaxPerPoint = 32;

    /// <summary>When the value was recorded.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The recorded value.</summary>
    public double Value { get; init; }

    /// <summary>The trace the value was recorded in (32 hex characters), when it was recorded in one.</summary>
    public string? TraceId { get; init; }

    /// <summary>The span the value was recorded in (16 hex characters), when it was recorded in one.</summary>
    public string? SpanId { get; init; }

    /// <summary>
    /// The measurement's attributes that the point's series does not carry (OTLP's filtered_attributes; see
    /// <see cref="TelemetryAttributes"/>).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> FilteredAttributes { get; init; } = [];
}
