namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The answer to <c>GET /api/status</c>: how much room the server's store file takes and how fast it grows, the free
/// space on its disk, the disk guard's floor and the time until it at the last day's rate, and retention's settings
/// and last run. <c>vigil status</c> shows the same figures for a store file.
/// </summary>
public sealed record ApiStoreStatus
{
    /// <summary>When the figures were measured (the server keeps a measurement for a few seconds: the per-signal sizes cost a scan).</summary>
    public DateTimeOffset MeasuredAt { get; init; }

    /// <summary>The store file, as the server names it.</summary>
    public string Store { get; init; } = string.Empty;

    /// <summary>Bytes of the store's files on disk (the database file and its -wal file).</summary>
    public long FileBytes { get; init; }

    /// <summary>Bytes that hold data (pages in use plus the -wal file), as retention's size limit measures them.</summary>
    public long UsedBytes { get; init; }

    /// <summary>Bytes of free pages inside the file, which new data fills before the file grows.</summary>
    public long ReusableBytes { get; init; }

    /// <summary>Bytes of the -wal file (part of <see cref="FileBytes"/> and <see cref="UsedBytes"/>).</summary>
    public long WalBytes { get; init; }

    /// <summary>Each signal (logs, spans, metrics, errors, health), in that order.</summary>
    public IReadOnlyList<ApiSignalUsage> Signals { get; init; } = [];

    /// <summary>The window the growth is measured over, in seconds (a day).</summary>
    public double WindowSeconds { get; init; }

    /// <summary>The store's growth in bytes a day at the window's rate (the signals' growth scaled to the used bytes).</summary>
    public double GrowthBytesPerDay { get; init; }

    /// <summary>Free bytes on the store's disk, as the server may use them.</summary>
    public long DiskFreeBytes { get; init; }

    /// <summary>Size of the store's disk in bytes.</summary>
    public long DiskTotalBytes { get; init; }

    /// <summary>The disk guard's floor: below this much room (free bytes plus reusable pages) ingest is refused.</summary>
    public long FloorBytes { get; init; }

    /// <summary>Seconds until the room falls to the floor at <see cref="GrowthBytesPerDay"/>; 0 below it now; null when the store does not grow.</summary>
    public double? UntilFloorSeconds { get; init; }

    /// <summary>The configuration file the server read; null: it runs with its defaults.</summary>
    public string? Configuration { get; init; }

    /// <summary>The retention the server applies; null: none.</summary>
    public ApiRetentionSettings? Retention { get; init; }

    /// <summary>The newest retention run recorded in the store; null when none is.</summary>
    public ApiRetentionRun? LastRetention { get; init; }
}
