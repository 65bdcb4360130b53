namespace Vigil.Server.Ingest;

/// <summary>The records of a request were not stored; receivers turn this into 503 / UNAVAILABLE (507 / RESOURCE_EXHAUSTED when <see cref="IsDiskFull"/>).</summary>
internal sealed class IngestRefusedException : Exception
{
    public IngestRefusedException(IngestRefusal reason, string message, Exception? innerException = null)
        : base(message, innerException) => Reason = reason;

    public IngestRefusedException()
        : this(IngestRefusal.StoreFailed, "The records were not stored.")
    {
    }

    public IngestRefusedException(string message)
        : this(IngestRefusal.StoreFailed, message)
    {
    }

    public IngestRefusedException(string message, Exception innerException)
        : this(IngestRefusal.StoreFailed, message, innerException)
    {
    }

    public IngestRefusal Reason { get; }

    /// <summary>The store's disk is below the free-space floor.</summary>
    public bool IsDiskFull => Reason == IngestRefusal.DiskFull;
}
