using Vigil.Api.Contracts.V1;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>
/// A server's <see cref="ApiStoreStatus"/> back as the <see cref="StoreStatus"/> it was made from: only the measured
/// figures travel back; the derived ones (growth, time to the floor) are computed again by the same record.
/// </summary>
internal static partial class ContractMap
{
    public static StoreStatus ToModel(this ApiStoreStatus status) => new(
        status.MeasuredAt,
        status.Store,
        new StoreSpace { FileBytes = status.FileBytes, UsedBytes = status.UsedBytes, ReusableBytes = status.ReusableBytes, WalBytes = status.WalBytes },
        [.. status.Signals.Select(s => new SignalUsage { Signal = s.Signal, Records = s.Records, RecordsSince = s.RecordsLastDay, Bytes = s.Bytes })],
        status.DiskFreeBytes,
        status.DiskTotalBytes,
        status.FloorBytes,
        TimeSpan.FromSeconds(status.WindowSeconds))
    {
        ConfigurationFile = status.Configuration,
        Retention = status.Retention is { } r
            ? new RetentionOptions { MaxAge = r.MaxAgeSeconds is { } age ? TimeSpan.FromSeconds(age) : null, MaxSizeBytes = r.MaxSizeBytes }
            : null,
        RetentionInterval = TimeSpan.FromSeconds(status.Retention?.IntervalSeconds ?? 0),
        LastRetention = status.LastRetention?.ToModel(),
    };

    private static RetentionRun ToModel(this ApiRetentionRun run) => !run.Succeeded
        ? new RetentionRun(run.At, null, run.Failure)
        : new RetentionRun(run.At, new RetentionResult
        {
            LogsDeleted = run.LogsDeleted,
            SpansDeleted = run.SpansDeleted,
            MetricPointsDeleted = run.MetricPointsDeleted,
            ErrorEventsDeleted = run.ErrorEventsDeleted,
            HealthResultsDeleted = run.HealthResultsDeleted,
            MetricSeriesDeleted = run.MetricSeriesDeleted,
            ResourcesDeleted = run.ResourcesDeleted,
            UsedBytesAfter = run.UsedBytesAfter,
            WalBytesAfter = run.WalBytesAfter,
        }, null);
}
