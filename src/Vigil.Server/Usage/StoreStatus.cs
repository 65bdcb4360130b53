using Vigil.Server.Disk;
using Vigil.Storage;

namespace Vigil.Server.Usage;

/// <summary>
/// How much room a store file takes and how fast it grows: the store's bytes, each signal's records, bytes and growth
/// over the last day, the disk's free space, the disk guard's floor on it, when the store would reach the floor at the
/// last day's rate, and retention's last run as the server recorded it in the store. The one computation behind
/// <c>vigil status</c> on a file, <c>GET /api/status</c> and the store's figures on <c>/metrics</c>.
/// </summary>
/// <param name="At">When it was measured.</param>
/// <param name="Location">The store file.</param>
/// <param name="Store">The store's bytes on disk, in use and reusable.</param>
/// <param name="Signals">Each signal's records and bytes, in the order of <see cref="SignalUsage.Signals"/>.</param>
/// <param name="DiskFreeBytes">The disk's free bytes, as the server may use them.</param>
/// <param name="DiskTotalBytes">The disk's size.</param>
/// <param name="FloorBytes">The disk guard's floor on this disk.</param>
/// <param name="Window">The window the growth rate is measured over (<see cref="SignalUsage.RecordsSince"/>).</param>
internal sealed record StoreStatus(
    DateTimeOffset At,
    string Location,
    StoreSpace Store,
    IReadOnlyList<SignalUsage> Signals,
    long DiskFreeBytes,
    long DiskTotalBytes,
    long FloorBytes,
    TimeSpan Window)
{
    /// <summary>The window the growth rate is measured over.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(1);

    /// <summary>A time to the floor beyond this (a century) is given as this: "never" is for a store that does not grow.</summary>
    internal const double MaxDaysToFloor = 36_500;

    /// <summary>The configuration file the floor and retention came from; null: the server's defaults.</summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>Retention as configured; null when none is.</summary>
    public RetentionOptions? Retention { get; init; }

    /// <summary>How often the server applies <see cref="Retention"/>.</summary>
    public TimeSpan RetentionInterval { get; init; }

    /// <summary>The newest retention run recorded in the store; null when none is.</summary>
    public RetentionRun? LastRetention { get; init; }

    /// <summary>
    /// A signal's bytes per day at the window's rate: its bytes times the share of its records written in the window
    /// (a record's size taken as its signal's average).
    /// </summary>
    public double GrowthPerDay(SignalUsage signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return signal.Records == 0 ? 0 : (double)signal.Bytes * signal.RecordsSince / signal.Records / (Window / TimeSpan.FromDays(1));
    }

    /// <summary>
    /// The store's bytes per day: the signals' growth scaled from their bytes to the store's used bytes, since indexes
    /// and pages grow with the data they hold.
    /// </summary>
    public double StoreGrowthPerDay
    {
        get
        {
            var bytes = Signals.Sum(s => (double)s.Bytes);
            return bytes == 0 ? 0 : Signals.Sum(GrowthPerDay) * Store.UsedBytes / bytes;
        }
    }

    /// <summary>Room for new data: the disk's free bytes and the store's reusable pages (as the disk guard counts it).</summary>
    public long RoomBytes => DiskFreeBytes + Store.ReusableBytes;

    /// <summary>How long until the room falls to the floor at <see cref="StoreGrowthPerDay"/>; zero when below it now, null when the store does not grow.</summary>
    public TimeSpan? UntilFloor => RoomBytes <= FloorBytes ? TimeSpan.Zero
        : StoreGrowthPerDay <= 0 ? null
        : TimeSpan.FromDays(Math.Min((RoomBytes - FloorBytes) / StoreGrowthPerDay, MaxDaysToFloor));

    /// <summary>
    /// Measures a store file: its space (cheap), every signal's records and bytes (a scan of every record's size), the
    /// newest retention record, and the disk. Callers on a server go through <see cref="StoreStatusSampler"/>, which
    /// keeps the scan off every request.
    /// </summary>
    public static async Task<StoreStatus> ReadAsync(
        IStoreUsageReader usage, ITelemetryReader reader, IDiskSpace disk, StoreStatusSettings settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var space = await usage.ReadSpaceAsync(cancellationToken).ConfigureAwait(false);
        var signals = await usage.ReadSignalUsageAsync(now - DefaultWindow, cancellationToken).ConfigureAwait(false);
        var lastRetention = await RetentionRun.ReadLatestAsync(reader, cancellationToken).ConfigureAwait(false);
        var drive = disk.Read();
        return new StoreStatus(now, usage.Location, space, signals, drive.AvailableBytes, drive.TotalBytes, settings.DiskGuard.FloorBytes(drive.TotalBytes), DefaultWindow)
        {
            ConfigurationFile = settings.ConfigurationFile,
            Retention = settings.Retention,
            RetentionInterval = settings.RetentionInterval,
            LastRetention = lastRetention,
        };
    }
}
