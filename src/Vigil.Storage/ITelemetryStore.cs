namespace Vigil.Storage;

/// <summary>
/// A telemetry store: logs, spans, metric points, error groups and health results, written in batches and queried by the CLI,
/// the SDK's local sink and the server. Implementations are safe to use from several threads,
/// and several processes may open the same store at once.
/// </summary>
public interface ITelemetryStore : IAsyncDisposable
{
    /// <summary>The location of the store (a file path for SQLite).</summary>
    string Location { get; }

    /// <summary>Stores a batch in one transaction: all of it or, on failure, none of it.</summary>
    /// <param name="batch">The records to store.</param>
    /// <param name="cancellationToken">Cancels before the transaction commits.</param>
    /// <returns>A task that completes when the batch is durable.</returns>
    Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default);

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
    /// Lists error groups, newest activity first (see <see cref="ErrorGroupQuery"/>). A list carries summaries:
    /// <see cref="ErrorGroup.StackTrace"/> is null; <see cref="GetErrorGroupAsync"/> gives it.
    /// </summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching groups.</returns>
    Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one error group with its hourly counts and latest events.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="hours">How many hours of counts, ending with the current hour.</param>
    /// <param name="latestEvents">How many of the latest events.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The group, or null when there is no group with that id.</returns>
    Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default);

    /// <summary>Applies a user's triage decision to an error group.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="change">The new status and its options (see <see cref="ErrorStatusChange.Problem"/>).</param>
    /// <param name="cancellationToken">Cancels before the change commits.</param>
    /// <returns>The group after the change, or null when there is no group with that id.</returns>
    /// <exception cref="ArgumentException">The change is not valid.</exception>
    Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default);

    /// <summary>Reads the current state of every health check and probe that matches.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One state per check or probe, ordered by kind, service and name.</returns>
    Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one retention pass: deletes what is older than <see cref="RetentionOptions.MaxAge"/>, then
    /// the oldest records until the store fits <see cref="RetentionOptions.MaxSizeBytes"/>. Deletes in
    /// small transactions so writers are never stalled for long. The caller schedules passes.
    /// </summary>
    /// <param name="options">The limits.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <returns>What was deleted.</returns>
    Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default);
}
