namespace Vigil.Server.Disk;

/// <summary>
/// The free-space floor of <c>vigil serve</c>'s store disk (the configuration file's <c>DiskGuard</c>; see
/// docs/server.md). Below it, ingest first drops the oldest data to make room, then refuses (507 /
/// RESOURCE_EXHAUSTED) until space returns. SQLite only: a PostgreSQL store's disk is the database server's.
/// </summary>
public sealed record DiskGuardOptions
{
    /// <summary>The default of <see cref="MinFreeBytes"/>: 1 GiB.</summary>
    public const long DefaultMinFreeBytes = 1L << 30;

    /// <summary>The default of <see cref="MinFreePercent"/>: 5 % of the disk.</summary>
    public const double DefaultMinFreePercent = 5;

    /// <summary>The default of <see cref="Interval"/>: once a second.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    /// <summary>Whether the guard runs at all (on by default).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The floor in bytes; null: not set (see <see cref="FloorBytes"/>).</summary>
    public long? MinFreeBytes { get; init; }

    /// <summary>The floor as a percentage of the disk's size; null: not set (see <see cref="FloorBytes"/>).</summary>
    public double? MinFreePercent { get; init; }

    /// <summary>Whether the guard deletes the oldest data to get back above the floor before it refuses (on by default).</summary>
    public bool DropOldest { get; init; } = true;

    /// <summary>How often free space is measured; ingest reads the last measurement, never the disk.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>
    /// The floor on a disk of <paramref name="totalBytes"/>: the smaller of the limits set, or of the defaults (1 GiB or
    /// 5 %) when neither is.
    /// </summary>
    /// <param name="totalBytes">The disk's size.</param>
    /// <returns>The free bytes below which ingest refuses.</returns>
    public long FloorBytes(long totalBytes)
    {
        var bytes = MinFreeBytes;
        var percent = MinFreePercent;
        if (bytes is null && percent is null)
        {
            (bytes, percent) = (DefaultMinFreeBytes, DefaultMinFreePercent);
        }

        var ofDisk = percent is { } p ? (long)(totalBytes * (p / 100)) : long.MaxValue;
        return Math.Min(bytes ?? long.MaxValue, ofDisk);
    }
}
