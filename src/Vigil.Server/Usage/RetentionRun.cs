using System.Globalization;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Storage;

namespace Vigil.Server.Usage;

/// <summary>
/// One retention pass as the server records it in the store it pruned: a log record of service <c>vigil-serve</c>
/// marked <c>vigil.task=retention</c>, with what it deleted, so <c>vigil status</c> (on the file) and
/// <c>vigil logs --service vigil-serve</c> show retention's last run after any restart. The record is written here and
/// read back here, so the two cannot disagree on its shape.
/// </summary>
/// <param name="At">When the pass ended.</param>
/// <param name="Result">What it deleted; null when it failed.</param>
/// <param name="Failure">Why it failed; null when it ran.</param>
internal sealed record RetentionRun(DateTimeOffset At, RetentionResult? Result, string? Failure)
{
    /// <summary>The attribute that marks the server's own housekeeping records, and its value for retention.</summary>
    public const string TaskKey = "vigil.task";

    /// <summary>The <see cref="TaskKey"/> value of retention's records.</summary>
    public const string Task = "retention";

    /// <summary>The event name of retention's records.</summary>
    public const string EventName = "vigil.retention.run";

    private const string Prefix = "vigil.retention.";

    // The counts a record carries: each one's attribute key, how it is read from a result, and how it is set on one,
    // so writing and reading back go through the same entry.
    private static readonly (string Key, Func<RetentionResult, long> Read, Func<RetentionResult, long, RetentionResult> Set)[] s_counts =
    [
        (Prefix + "logs_deleted", r => r.LogsDeleted, (r, v) => r with { LogsDeleted = v }),
        (Prefix + "spans_deleted", r => r.SpansDeleted, (r, v) => r with { SpansDeleted = v }),
        (Prefix + "metric_points_deleted", r => r.MetricPointsDeleted, (r, v) => r with { MetricPointsDeleted = v }),
        (Prefix + "error_events_deleted", r => r.ErrorEventsDeleted, (r, v) => r with { ErrorEventsDeleted = v }),
        (Prefix + "health_results_deleted", r => r.HealthResultsDeleted, (r, v) => r with { HealthResultsDeleted = v }),
        (Prefix + "metric_series_deleted", r => r.MetricSeriesDeleted, (r, v) => r with { MetricSeriesDeleted = v }),
        (Prefix + "resources_deleted", r => r.ResourcesDeleted, (r, v) => r with { ResourcesDeleted = v }),
        (Prefix + "used_bytes_after", r => r.UsedBytesAfter, (r, v) => r with { UsedBytesAfter = v }),
        (Prefix + "wal_bytes_after", r => r.WalBytesAfter, (r, v) => r with { WalBytesAfter = v }),
    ];

    private const string FailureKey = Prefix + "failure";

    /// <summary>The query of the newest retention record.</summary>
    public static LogQuery Latest { get; } = new()
    {
        ServiceName = ProbeService.ServiceName,
        Attributes = [new(TaskKey, Task)],
        Limit = 1,
    };

    /// <summary>Reads the newest retention record of <paramref name="reader"/>'s store; null when none is there.</summary>
    public static async Task<RetentionRun?> ReadLatestAsync(ITelemetryReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = await reader.QueryLogsAsync(Latest, cancellationToken).ConfigureAwait(false);
        return records.Count == 0 ? null : Of(records[0]);
    }

    /// <summary>The pass a record describes.</summary>
    public static RetentionRun Of(LogEntry record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var attributes = record.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        if (attributes.TryGetValue(FailureKey, out var failure) && failure is not null)
        {
            return new RetentionRun(record.Timestamp, null, Convert.ToString(failure, CultureInfo.InvariantCulture));
        }

        // A count the record does not carry reads as 0.
        var result = s_counts.Aggregate(
            new RetentionResult(),
            (r, count) => attributes.TryGetValue(count.Key, out var value) && value is not null
                ? count.Set(r, Convert.ToInt64(value, CultureInfo.InvariantCulture))
                : r);
        return new RetentionRun(record.Timestamp, result, null);
    }

    /// <summary>What this pass deleted, in words.</summary>
    public string Summary => Result is not { } r
        ? $"failed: {Failure}"
        : string.Create(CultureInfo.InvariantCulture, $"deleted {r.LogsDeleted:N0} log records, {r.SpansDeleted:N0} spans, {r.MetricPointsDeleted:N0} metric points, {r.ErrorEventsDeleted:N0} error events, {r.HealthResultsDeleted:N0} health results, {r.MetricSeriesDeleted:N0} series and {r.ResourcesDeleted:N0} resources");

    /// <summary>This pass as the log record the server stores.</summary>
    public LogEntry ToRecord()
    {
        List<KeyValuePair<string, object?>> attributes = [new(TaskKey, Task)];
        if (Result is { } result)
        {
            attributes.AddRange(s_counts.Select(c => new KeyValuePair<string, object?>(c.Key, c.Read(result))));
        }
        else
        {
            attributes.Add(new(FailureKey, Failure));
        }

        return new LogEntry
        {
            Timestamp = At,
            SeverityNumber = Result is null ? 13 : 9,
            SeverityText = Result is null ? "Warning" : "Information",
            EventName = EventName,
            Body = $"retention {Summary}",
            Attributes = attributes,
            Scope = new InstrumentationScopeInfo { Name = "Vigil.Server" },
            Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, ProbeService.ServiceName)] },
        };
    }
}
