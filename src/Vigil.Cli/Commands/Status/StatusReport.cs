using Vigil.Server.Configuration;
using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Status;

/// <summary>
/// What <c>vigil status</c> shows, read from a store and the disk it is on: the store's bytes, each signal's records,
/// bytes and growth over the last day, the disk's free space, the disk guard's floor on it (the server's
/// configuration's, else its default), when the store would reach the floor at the last day's rate, and retention's
/// last run as the server recorded it in the store.
/// </summary>
internal sealed record StatusReport(
    string Location,
    StoreSpace Store,
    IReadOnlyList<SignalUsage> Signals,
    long DiskFreeBytes,
    long DiskTotalBytes,
    long FloorBytes,
    TimeSpan Window)
{
    /// <summary>The configuration file the floor and retention came from; null: the server's defaults.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Retention as configured; null when none is (or no file was read).</summary>
    public RetentionOptions? Retention { get; init; }

    /// <summary>How often the server applies <see cref="Retention"/>.</summary>
    public TimeSpan RetentionInterval { get; init; }

    /// <summary>The newest retention run recorded in the store; null when none is.</summary>
    public RetentionRun? LastRetention { get; init; }

    /// <summary>The window the growth rate is measured over.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    /// <summary>
    /// A signal's bytes per day at the window's rate: its bytes times the share of its records written in the window
    /// (a record's size taken as its signal's average).
    /// </summary>
    public static double GrowthPerDay(SignalUsage signal, TimeSpan window) =>
        signal.Records == 0 ? 0 : (double)signal.Bytes * signal.RecordsSince / signal.Records / (window / TimeSpan.FromDays(1));

    /// <summary>
    /// The store's bytes per day: the signals' growth scaled from their bytes to the store's used bytes, since indexes
    /// and pages grow with the data they hold.
    /// </summary>
    public double StoreGrowthPerDay
    {
        get
        {
            var bytes = Signals.Sum(s => (double)s.Bytes);
            return bytes == 0 ? 0 : Signals.Sum(s => GrowthPerDay(s, Window)) * Store.UsedBytes / bytes;
        }
    }

    /// <summary>Room for new data: the disk's free bytes and the store's reusable pages.</summary>
    public long RoomBytes => DiskFreeBytes + Store.ReusableBytes;

    /// <summary>How long until the room falls to the floor at <see cref="StoreGrowthPerDay"/>; zero when below it now, null when the store does not grow.</summary>
    public TimeSpan? UntilFloor => RoomBytes <= FloorBytes ? TimeSpan.Zero
        : StoreGrowthPerDay <= 0 ? null
        : TimeSpan.FromDays(Math.Min((RoomBytes - FloorBytes) / StoreGrowthPerDay, 36_500));

    /// <summary>
    /// Reads the report of <paramref name="store"/>, a store file (<paramref name="reader"/> reads its records), with the floor and retention of
    /// <paramref name="configuration"/> (the server's file; null: its defaults).
    /// </summary>
    public static async Task<StatusReport> ReadAsync(
        IStoreUsageReader store, ITelemetryReader reader, (string Path, ServerConfiguration Value)? configuration, TimeProvider clock, CancellationToken cancellationToken)
    {
        var space = await store.ReadSpaceAsync(cancellationToken).ConfigureAwait(false);
        var signals = await store.ReadSignalUsageAsync(clock.GetUtcNow() - DefaultWindow, cancellationToken).ConfigureAwait(false);
        var lastRetention = await RetentionRun.ReadLatestAsync(reader, cancellationToken).ConfigureAwait(false);
        var folder = Path.GetDirectoryName(Path.GetFullPath(store.Location)) ?? store.Location;
        var drive = new DriveInfo(folder);
        var settings = configuration?.Value ?? new ServerConfiguration();
        return new StatusReport(store.Location, space, signals, drive.AvailableFreeSpace, drive.TotalSize, settings.DiskGuard.FloorBytes(drive.TotalSize), DefaultWindow)
        {
            ConfigurationFile = configuration?.Path,
            Retention = settings.Retention,
            RetentionInterval = settings.RetentionInterval,
            LastRetention = lastRetention,
        };
    }
}
