using Vigil.Model;

namespace Vigil.Storage;

/// <summary>The read role for logs, traces and metrics: what <c>vigil logs</c>, <c>traces</c> and <c>metrics</c> show.</summary>
public interface ITelemetryReader : IStore
{
    /// <summary>Reads log records (see <see cref="LogQuery"/> for the order).</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching records.</returns>
    Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>Lists recent traces, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One summary per trace.</returns>
    Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads every span of a trace, ordered by start time. Its logs come from
    /// <see cref="QueryLogsAsync"/> with <see cref="LogQuery.TraceId"/>.
    /// </summary>
    /// <param name="traceId">The trace id (32 hex characters, any case).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The spans; empty when the trace is unknown.</returns>
    Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of stored traces that start with <paramref name="prefix"/> (as a log line's short trace id), in
    /// order, so a caller can take a unique prefix for the whole id as git does for commits.
    /// </summary>
    /// <param name="prefix">One to 32 hex digits, any case.</param>
    /// <param name="limit">The most ids to return; ask for two to learn whether the prefix is unique.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Whole trace ids, lower case, ascending; empty when no trace matches.</returns>
    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not hex digits.</exception>
    Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>Lists every metric name with its kind, unit, description and latest value.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One entry per metric name, ordered by name.</returns>
    Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one metric over a time range, bucketed and grouped (see <see cref="MetricBucket"/>).</summary>
    /// <param name="query">The metric, range, step and grouping.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The buckets of each group.</returns>
    Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each series' newest point (the one with the latest time; of two at that time, either), whole: the series'
    /// name, kind, unit, description, attributes, scope and resource, and its value, histogram buckets, sum and count.
    /// One read for every series, not one per series.
    /// </summary>
    /// <param name="query">Which series (a name pattern) and how many at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One point per series that has any, ordered by metric name, then by series (by byte order of the name on every engine, then in the store.s order).</returns>
    /// <exception cref="ArgumentException">The pattern is not a <see cref="Model.Text.NamePattern"/>, or the limit is out of range.</exception>
    Task<IReadOnlyList<MetricPoint>> ReadLatestPointsAsync(LatestPointsQuery query, CancellationToken cancellationToken = default);
}
