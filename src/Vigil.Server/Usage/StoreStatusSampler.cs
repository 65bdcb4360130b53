using Vigil.Server.Disk;
using Vigil.Storage;

namespace Vigil.Server.Usage;

/// <summary>
/// The server's <see cref="StoreStatus"/>, measured at most once per <see cref="MaxAge"/>. The per-signal figures
/// scan every record's size (<see cref="IStoreUsageReader.ReadSignalUsageAsync"/>: seconds on a store of gigabytes),
/// so neither a dashboard polling <c>/api/status</c> nor several clients at once may each start one: a request takes
/// the last measurement while it is younger than <see cref="MaxAge"/> (figures that move at a day's rate lose nothing
/// in ten seconds), and concurrent requests for a new one share a single scan. <c>/metrics</c> only ever reads
/// <see cref="Latest"/>, which <see cref="StoreStatusService"/> refreshes every <see cref="Interval"/>.
/// </summary>
internal sealed class StoreStatusSampler(IStoreUsageReader usage, ITelemetryReader reader, IDiskSpace disk, StoreStatusSettings settings, TimeProvider clock) : IDisposable
{
    /// <summary>How old a measurement <see cref="ReadAsync"/> may answer with.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the background refresh measures, for <c>/metrics</c>. Each measurement reads every table whole, which
    /// on a store of gigabytes is seconds of I/O (and holds back the -wal checkpoint meanwhile); figures that move at a
    /// day's rate need no fresher sample than this, whatever the scrape interval.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    // One scan at a time: a request that waits here finds the scan that finished meanwhile and takes it.
    private readonly SemaphoreSlim _measuring = new(1, 1);
    private volatile StoreStatus? _latest;

    /// <summary>The last measurement; null before the first.</summary>
    public StoreStatus? Latest => _latest;

    /// <summary>The last measurement when it is younger than <see cref="MaxAge"/>, else a new one.</summary>
    public async Task<StoreStatus> ReadAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }

        await _measuring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Fresh() ?? await MeasureAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _measuring.Release();
        }
    }

    /// <summary>Measures now, whatever the age of the last measurement.</summary>
    public async Task<StoreStatus> RefreshAsync(CancellationToken cancellationToken)
    {
        await _measuring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MeasureAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _measuring.Release();
        }
    }

    public void Dispose() => _measuring.Dispose();

    private StoreStatus? Fresh() => _latest is { } latest && clock.GetUtcNow() - latest.At < MaxAge ? latest : null;

    private async Task<StoreStatus> MeasureAsync(CancellationToken cancellationToken)
    {
        var status = await StoreStatus.ReadAsync(usage, reader, disk, settings, clock, cancellationToken).ConfigureAwait(false);
        _latest = status;
        return status;
    }
}
