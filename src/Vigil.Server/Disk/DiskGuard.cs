using Vigil.Model.Text;
using Vigil.Storage;

namespace Vigil.Server.Disk;

/// <summary>
/// The free-space floor of the store's disk. <see cref="CheckAsync"/> (run by <see cref="DiskGuardService"/> every
/// <see cref="DiskGuardOptions.Interval"/>) measures the room for new data — the disk's free bytes plus the store's
/// reusable pages — and, below the floor, first runs retention's size limit with a target that frees the shortfall
/// (and a tenth of the floor more when the store holds that much, so that the next writes do not cross it again at
/// once); when that cannot help (the shortfall is more than the store holds) or was not enough, ingest is refused with <see cref="Refusal"/> until a
/// check finds room again. Ingest reads the last decision, never the disk.
/// </summary>
internal sealed partial class DiskGuard(
    DiskGuardOptions options, IDiskSpace disk, IStoreUsageReader usage, IRetentionStore retention, TimeProvider time, ILogger<DiskGuard> logger)
{
    // Smaller chunks than retention's default: the guard deletes only what the shortfall needs, measuring after each.
    private const int DropChunkSize = 500;

    private volatile string? _refusal;
    private volatile DiskGuardCheck? _last;
    private volatile DiskGuardDrop? _lastDrop;

    /// <summary>Why ingest is refused now; null while there is room.</summary>
    public string? Refusal => _refusal;

    /// <summary>The last check; null before the first.</summary>
    public DiskGuardCheck? LastCheck => _last;

    /// <summary>The last time the guard dropped data to make room; null when it never had to.</summary>
    public DiskGuardDrop? LastDrop => _lastDrop;

    public async Task<DiskGuardCheck> CheckAsync(CancellationToken cancellationToken)
    {
        var check = await MeasureAsync(cancellationToken).ConfigureAwait(false);
        var shortfall = check.FloorBytes - check.RoomBytes;
        if (shortfall > 0 && options.DropOldest)
        {
            // In retention's measure after its checkpoint: the -wal file's pages move into the database file, so its
            // bytes are not room that deleting makes.
            var pages = check.Store.UsedBytes - check.Store.WalBytes;
            var target = pages - shortfall - (check.FloorBytes / 10);
            if (target <= 0)
            {
                // Too little data for the margin as well: the shortfall alone.
                target = pages - shortfall;
            }

            if (target > 0)
            {
                var result = await retention.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = target, ChunkSize = DropChunkSize }, cancellationToken).ConfigureAwait(false);
                _lastDrop = new DiskGuardDrop(time.GetUtcNow(), result);
                LogDropped(logger, ByteSizeGrammar.Format(check.RoomBytes), ByteSizeGrammar.Format(check.FloorBytes), result.LogsDeleted, result.SpansDeleted, result.MetricPointsDeleted, result.ErrorEventsDeleted);
                check = await MeasureAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var refusal = check.RoomBytes < check.FloorBytes
            ? $"The store's disk is nearly full: {ByteSizeGrammar.Format(check.RoomBytes)} free, below the floor of {ByteSizeGrammar.Format(check.FloorBytes)} (DiskGuard in the server's configuration); telemetry is refused until space is freed, queries still work."
            : null;
        check = check with { Refusing = refusal is not null };
        if (refusal is not null && _refusal is null)
        {
            LogRefusing(logger, ByteSizeGrammar.Format(check.RoomBytes), ByteSizeGrammar.Format(check.FloorBytes));
        }
        else if (refusal is null && _refusal is not null)
        {
            LogRecovered(logger, ByteSizeGrammar.Format(check.RoomBytes), ByteSizeGrammar.Format(check.FloorBytes));
        }

        _refusal = refusal;
        _last = check;
        return check;
    }

    private async Task<DiskGuardCheck> MeasureAsync(CancellationToken cancellationToken)
    {
        var reading = disk.Read();
        var store = await usage.ReadSpaceAsync(cancellationToken).ConfigureAwait(false);
        return new DiskGuardCheck(time.GetUtcNow(), reading, store, options.FloorBytes(reading.TotalBytes), Refusing: false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's disk has {Room} free, below the floor of {Floor}: dropped the oldest data to make room ({Logs} log records, {Spans} spans, {Points} metric points, {ErrorEvents} error events)")]
    private static partial void LogDropped(ILogger logger, string room, string floor, long logs, long spans, long points, long errorEvents);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's disk has {Room} free, below the floor of {Floor}: ingest is refused (507 / RESOURCE_EXHAUSTED) until space is freed; queries still work")]
    private static partial void LogRefusing(ILogger logger, string room, string floor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's disk has {Room} free again, above the floor of {Floor}: ingest is accepted again")]
    private static partial void LogRecovered(ILogger logger, string room, string floor);
}
