using System.Diagnostics;
using Vigil.Server.Disk;
using Vigil.Server.Otlp.Mapping;

namespace Vigil.Server.Ingest;

/// <summary>
/// The one ingest path every receiver (gRPC, HTTP protobuf, HTTP JSON) calls with a mapped request:
/// counts, refuses while the store's disk is below its floor (<paramref name="diskGuard"/>, null where there is none),
/// queues, and returns once the records are durable.
/// </summary>
internal sealed class OtlpIngestService(IngestQueue queue, IngestStatistics statistics, FutureTimestamps futureTimestamps, DiskGuard? diskGuard = null)
{
    public IngestStatistics Statistics => statistics;

    /// <summary>Stores a mapped request's valid records.</summary>
    /// <param name="signal">The request's signal.</param>
    /// <param name="mapped">The mapped request.</param>
    /// <param name="memory">The request's share of the memory budget (see <see cref="IngestMemoryLease"/>); null when not bounded.</param>
    /// <param name="cancellationToken">The sender hung up: stop waiting (the commit still happens).</param>
    /// <exception cref="IngestRefusedException">Nothing was stored; the sender should retry.</exception>
    public async Task<IngestResult> IngestAsync(OtlpSignal signal, OtlpMappingResult mapped, IngestMemoryLease? memory, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            statistics.RecordReceived(signal, mapped.Accepted + mapped.Rejected);
            statistics.RecordRejected(signal, mapped.Rejected);
            statistics.RecordExemplarsDropped(mapped.DroppedExemplars);
            // A push batch is queued even when every record was refused: its position still has to move past them.
            if (mapped.Accepted > 0 || mapped.Batch.PushMarks.Count > 0)
            {
                Task committed;
                try
                {
                    if (diskGuard?.Refusal is { } refusal)
                    {
                        throw new IngestRefusedException(IngestRefusal.DiskFull, refusal);
                    }

                    committed = queue.EnqueueAsync(signal, futureTimestamps.Clamp(mapped.Batch), mapped.Accepted, memory);
                }
                catch (IngestRefusedException)
                {
                    statistics.RecordDropped(signal, mapped.Accepted);
                    throw;
                }

                try
                {
                    // A client that gives up does not cancel the commit; it only stops waiting for it.
                    await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (IngestRejectedException e)
                {
                    // A permanent rejection, answered as the specification's partial_success: the sender drops the
                    // records instead of retrying them into every other sender's commit.
                    statistics.RecordRejected(signal, mapped.Accepted);
                    return new IngestResult(0, mapped.Accepted + mapped.Rejected, e.Message);
                }
            }

            // A warning (exemplars dropped, their points kept) travels in the same message: OTLP's partial_success with
            // nothing rejected is how a receiver says so.
            var message = mapped.Warning is null ? mapped.ErrorMessage : mapped.ErrorMessage is null ? mapped.Warning : $"{mapped.ErrorMessage}; {mapped.Warning}";
            return new IngestResult(mapped.Accepted, mapped.Rejected, message);
        }
        finally
        {
            statistics.RecordRequest(signal, Stopwatch.GetElapsedTime(started));
        }
    }
}
