using Vigil.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// Tells a failure of the store (a full disk, a lock held too long, a damaged file: it may pass, so the sender
/// retries) from records the store refuses (the same records fail every time, so retrying would only repeat it).
/// </summary>
internal static class CommitFailure
{
    /// <summary>True when the store failed, not the records: the sender should retry later.</summary>
    public static bool IsStoreFault(Exception failure) =>
        failure is StoreException or IOException or UnauthorizedAccessException or ObjectDisposedException or OperationCanceledException;
}
