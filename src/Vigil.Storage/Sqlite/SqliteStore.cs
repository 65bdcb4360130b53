namespace Vigil.Storage.Sqlite;

/// <summary>The SQLite engine behind <see cref="ITelemetryStore"/>.</summary>
internal sealed class SqliteStore : ITelemetryStore
{
    private SqliteStore(string location)
    {
        Location = location;
    }

    public string Location { get; }

    public static SqliteStore Open(string path, TelemetryStoreOptions options) => throw new NotImplementedException();

    public Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<TraceSummary>> QueryTracesAsync(TraceQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<SpanEntry>> GetTraceAsync(string traceId, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<IReadOnlyList<MetricSummary>> ListMetricsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<MetricQueryResult> QueryMetricAsync(MetricQuery query, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
