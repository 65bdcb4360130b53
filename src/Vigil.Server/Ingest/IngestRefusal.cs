namespace Vigil.Server.Ingest;

/// <summary>Why a request's records were not stored; each is retryable by the sender.</summary>
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
}
