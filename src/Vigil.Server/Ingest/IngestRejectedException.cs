namespace Vigil.Server.Ingest;

/// <summary>
/// The store cannot hold a request's records, now or ever (a value it refuses, not a full disk): the request's
/// records are answered as rejected in partial_success, which senders do not retry, instead of a retryable 503.
/// </summary>
internal sealed class IngestRejectedException : Exception
{
    public IngestRejectedException()
        : this("The store cannot hold these records.")
    {
    }

    public IngestRejectedException(string message)
        : base(message)
    {
    }

    public IngestRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
