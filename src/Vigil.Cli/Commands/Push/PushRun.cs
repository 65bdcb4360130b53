using Google.Protobuf;
using Vigil.Cli.Remote;
using Vigil.Model;
using Vigil.Server.Otlp.Export;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Push;

/// <summary>
/// One run of <c>vigil push</c>: for each signal, asks the server how far this store's stream is stored, then reads
/// the local store in arrival order after that position and sends it batch by batch, each batch marked with where it
/// starts and ends. The server moves the position in the transaction that stores the batch, so the server, not a local
/// file, knows what was sent: a run that dies after the server stored a batch but before it heard the answer resumes
/// after that batch, and a batch sent twice is refused the second time (docs/cli.md "vigil push").
/// </summary>
internal sealed class PushRun(IQueryStore local, IPushSource source, HttpTelemetryStore server, PushSettings settings)
{
    // Conflicts in a row before the run gives up: each one re-reads the position, so more than a few means another push
    // of this store to this server is running at the same time.
    private const int MaxConflictsInARow = 3;

    /// <summary>Called with a signal and how many records it has to send, before its first batch.</summary>
    public Action<PushSignal, long>? OnStart { get; init; }

    /// <summary>Called after each batch with how many records it held.</summary>
    public Action<PushSignal, int>? OnBatch { get; init; }

    public async Task<PushSummary> RunAsync(CancellationToken cancellationToken)
    {
        var id = await source.GetStoreIdentityAsync(cancellationToken).ConfigureAwait(false);
        var summary = new PushSummary(id, server.Location);
        var positions = await server.ReadPushPositionsAsync(id, cancellationToken).ConfigureAwait(false);
        foreach (var (signal, account) in summary.Signals)
        {
            var stream = PushStreams.Name(signal, settings.Service);
            var position = positions.TryGetValue(stream, out var stored) ? stored : 0;
            account.StartPosition = position;
            OnStart?.Invoke(signal, await source.CountAfterAsync(signal, position, settings.Service, cancellationToken).ConfigureAwait(false));
            account.Position = await PushStreamAsync(id, signal, stream, position, account, cancellationToken).ConfigureAwait(false);
        }

        await PushErrorStatuses.ApplyAsync(local, server, settings, summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private async Task<long> PushStreamAsync(string id, PushSignal signal, string stream, long position, PushSignalSummary account, CancellationToken cancellationToken)
    {
        var conflicts = 0;
        while (true)
        {
            var (body, count, through) = await ReadBatchAsync(signal, position, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                return position;
            }

            var answer = await server.PushAsync(PushStreams.Path(signal), body, new PushMark(id, stream, position, through), cancellationToken).ConfigureAwait(false);
            if (answer.Result is not { } result)
            {
                // The server is elsewhere: it stored this batch already (a run that stopped before the answer), or
                // another push moved it. Nothing was stored; continue after where the server is.
                if (++conflicts > MaxConflictsInARow)
                {
                    throw new StoreException(server.Location, $"the server's position for this store's {stream} keeps moving: is another `vigil push` of this store to {server.Location} running?", null);
                }

                account.AlreadyStored += answer.Position >= through ? 1 : 0;
                position = answer.Position;
                continue;
            }

            conflicts = 0;
            account.Batches++;
            account.Sent += result.Accepted;
            account.Rejected += result.Rejected;
            account.RejectedReason ??= result.RejectedReason;
            position = through;
            OnBatch?.Invoke(signal, count);
        }
    }

    /// <summary>The next batch after <paramref name="position"/>, encoded; its record count and last sequence.</summary>
    private async Task<(byte[] Body, int Count, long Through)> ReadBatchAsync(PushSignal signal, long position, CancellationToken cancellationToken)
    {
        switch (signal)
        {
            case PushSignal.Logs:
                var logs = await local.QueryLogsAsync(
                    new LogQuery { AfterSequence = position, Limit = settings.BatchSize, ServiceName = settings.Service, From = settings.Since },
                    cancellationToken).ConfigureAwait(false);
                return logs.Count == 0 ? ([], 0, position) : (OtlpExportMapper.ToRequest(logs).ToByteArray(), logs.Count, logs[^1].Sequence);
            case PushSignal.Spans:
                var spans = await source.ReadSpansAfterAsync(position, settings.BatchSize, settings.Service, settings.Since, cancellationToken).ConfigureAwait(false);
                return spans.Count == 0 ? ([], 0, position) : (OtlpExportMapper.ToRequest(spans.Select(s => s.Record)).ToByteArray(), spans.Count, spans[^1].Sequence);
            default:
                var points = await source.ReadMetricPointsAfterAsync(position, settings.BatchSize, settings.Service, settings.Since, cancellationToken).ConfigureAwait(false);
                return points.Count == 0 ? ([], 0, position) : (OtlpExportMapper.ToRequest(points.Select(p => p.Record)).ToByteArray(), points.Count, points[^1].Sequence);
        }
    }
}
