namespace Vigil.Model;

/// <summary>
/// Whose latest data <c>IAlertSignalReader.GetLastSeenAsync</c> looks for: a service (any log record, span or metric
/// point it sent) or a metric (any point of any of its series, optionally of one service), no further back than
/// <see cref="Since"/>.
/// </summary>
public sealed record LastSeenQuery
{
    /// <summary>The <c>service.name</c>; with <see cref="MetricName"/>, only that service's series of the metric.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The metric; null asks about the service's logs, spans and metric points.</summary>
    public string? MetricName { get; init; }

    /// <summary>
    /// Look no further back than this: data older than it is not reported, which bounds the search for a service
    /// that has gone quiet (spans have no per-service index, so they are read newest first down to here).
    /// </summary>
    public DateTimeOffset Since { get; init; } = DateTimeOffset.MinValue;
}
