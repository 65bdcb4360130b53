using Vigil.Api.Contracts.V1;
using Vigil.Server.Usage;

namespace Vigil.Server.Api;

/// <summary>The store's status as the contract's type: its measured figures and the ones derived from them.</summary>
internal static partial class ApiMap
{
    public static ApiStoreStatus ToApi(this StoreStatus status) => new()
    {
        MeasuredAt = status.At,
        Store = status.Location,
        FileBytes = status.Store.FileBytes,
        UsedBytes = status.Store.UsedBytes,
        ReusableBytes = status.Store.ReusableBytes,
        WalBytes = status.Store.WalBytes,
        Signals = [.. status.Signals.Select(s => new ApiSignalUsage
        {
            Signal = s.Signal,
            Records = s.Records,
            RecordsLastDay = s.RecordsSince,
            Bytes = s.Bytes,
            GrowthBytesPerDay = status.GrowthPerDay(s),
        })],
        WindowSeconds = status.Window.TotalSeconds,
        GrowthBytesPerDay = status.StoreGrowthPerDay,
        DiskFreeBytes = status.DiskFreeBytes,
        DiskTotalBytes = status.DiskTotalBytes,
        FloorBytes = status.FloorBytes,
        UntilFloorSeconds = status.UntilFloor?.TotalSeconds,
        Configuration = status.ConfigurationFile,
        Retention = status.Retention is { } retention
            ? new() { MaxAgeSeconds = retention.MaxAge?.TotalSeconds, MaxSizeBytes = retention.MaxSizeBytes, IntervalSeconds = status.RetentionInterval.TotalSeconds }
            : null,
        LastRetention = status.LastRetention?.ToApi(),
    };

    private static ApiRetentionRun ToApi(this RetentionRun run) => run.Result is not { } r
        ? new() { At = run.At, Succeeded = false, Failure = run.Failure }
        : new()
        {
            At = run.At,
            Succeeded = true,
            LogsDeleted = r.LogsDeleted,
            SpansDeleted = r.SpansDeleted,
            MetricPointsDeleted = r.MetricPointsDeleted,
            ErrorEventsDeleted = r.ErrorEventsDeleted,
            HealthResultsDeleted = r.HealthResultsDeleted,
            MetricSeriesDeleted = r.MetricSeriesDeleted,
            ResourcesDeleted = r.ResourcesDeleted,
            UsedBytesAfter = r.UsedBytesAfter,
            WalBytesAfter = r.WalBytesAfter,
        };
}
