namespace Vigil.Server;

/// <summary>The server's own log messages (source-generated, allocation-free when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "The store could not commit {Records} records from {Requests} requests; their senders were told to retry.")]
    public static partial void StoreCommitFailed(ILogger logger, Exception exception, int records, int requests);

    [LoggerMessage(2, LogLevel.Error, "The result of probe {Probe} could not be stored.")]
    public static partial void ProbeResultNotStored(ILogger logger, Exception exception, string probe);

    [LoggerMessage(3, LogLevel.Warning, "{Transport} request to {Path} from {Peer} refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string transport, string path, string peer, string reason);

    [LoggerMessage(4, LogLevel.Warning, "The store cannot hold {Records} {Signal} records of one request; the request was rejected, the rest of its group commit was stored.")]
    public static partial void RecordsRejectedByStore(ILogger logger, Exception exception, int records, string signal);
}
