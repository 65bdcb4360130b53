namespace Vigil.Server.Ingest;

/// <summary>Why a request's records were not stored; each but <see cref="DiskFull"/> is retryable by the sender soon.</summary>
internal enum IngestRefusal
{
    /// <summary>The queue holds as many records as it may; the sender should back off.</summary>
    QueueFull,

    /// <summary>Requests in flight hold as much memory as they may; the sender should back off.</summary>
    MemoryFull,

    /// <summary>The server is stopping and takes no new records.</summary>
    ShuttingDown,

    /// <summary>The store failed to commit the batch.</summary>
    StoreFailed,

    /// <summary>
    /// The store's disk is below the free-space floor (<see cref="Disk.DiskGuard"/>): answered 507 / RESOURCE_EXHAUSTED,
    /// not the retryable 503, since retrying soon will not free the disk.
    /// </summary>
    DiskFull,
}
