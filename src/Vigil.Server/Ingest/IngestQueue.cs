using System.Threading.Channels;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// Group commit: concurrent requests' records wait here and one writer stores everything waiting
/// in one transaction, then completes each request's task. A request is answered only after its
/// records are durable. Bounded by record count; when full, a request is refused, not queued. The memory a request
/// holds is bounded by its <see cref="IngestMemoryLease"/>, which the queue keeps until the request's commit.
/// </summary>
internal sealed class IngestQueue
{
    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly ITelemetryWriter _store;
    private readonly IngestStatistics _statistics;
    private readonly ILogger _logger;
    private readonly long _maxQueuedRecords;
    private readonly int _maxRecordsPerCommit;
    private readonly Lock _admission = new();
    private long _queuedRecords;
    private bool _completed;

    public IngestQueue(ITelemetryWriter store, IngestStatistics statistics, ILogger<IngestQueue> logger, long maxQueuedRecords, int maxRecordsPerCommit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueuedRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordsPerCommit, 1);
        _store = store;
        _statistics = statistics;
        _logger = logger;
        _maxQueuedRecords = maxQueuedRecords;
        _maxRecordsPerCommit = maxRecordsPerCommit;
    }

    public long QueuedRecords => Interlocked.Read(ref _queuedRecords);

    /// <summary>Queues a request's records; the returned task completes when they are committed.</summary>
    /// <param name="signal">The signal, for the figures.</param>
    /// <param name="batch">The request's valid records.</param>
    /// <param name="records">How many records <paramref name="batch"/> holds.</param>
    /// <param name="memory">The request's share of the memory budget, held until the commit ends; null when not bounded.</param>
    /// <exception cref="IngestRefusedException">The queue is full or closed.</exception>
    public Task EnqueueAsync(OtlpSignal signal, TelemetryBatch batch, int records, IngestMemoryLease? memory = null)
    {
        var write = new PendingWrite(signal, batch, records);
        lock (_admission)
        {
            if (_completed)
            {
                throw new IngestRefusedException(IngestRefusal.ShuttingDown, "The server is shutting down.");
            }

            // One request larger than the whole queue is still admitted into an empty queue, or it could never be stored.
            if (_queuedRecords > 0 && _queuedRecords + records > _maxQueuedRecords)
            {
                throw new IngestRefusedException(IngestRefusal.QueueFull, $"The ingest queue is full ({_queuedRecords} records waiting); retry later.");
            }

            _queuedRecords += records;
            _statistics.RecordQueueDepth(_queuedRecords);
            _channel.Writer.TryWrite(write);
        }

        // The records stay in memory until committed, even when their sender stops waiting.
        memory?.HoldUntil(write.Committed.Task);
        return write.Committed.Task;
    }

    /// <summary>Stops admitting records; <see cref="RunAsync"/> ends once what was admitted is stored.</summary>
    public void Complete()
    {
        lock (_admission)
        {
            _completed = true;
            _channel.Writer.TryComplete();
        }
    }

    /// <summary>The single writer: runs until <see cref="Complete"/> and the queue is empty.</summary>
    public async Task RunAsync()
    {
        var group = new List<PendingWrite>();
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            var records = 0;
            while (records < _maxRecordsPerCommit && _channel.Reader.TryRead(out var write))
            {
                group.Add(write);
                records += write.Records;
            }

            await CommitAsync(group, records).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<PendingWrite> group, int records)
    {
        var failure = await TryWriteAsync(group).ConfigureAwait(false);
        var outcomes = new Exception?[group.Count];
        if (failure is not null)
        {
            Log.StoreCommitFailed(_logger, failure, records, group.Count);
            if (group.Count == 1 || CommitFailure.IsStoreFault(failure))
            {
                Array.Fill(outcomes, failure);
            }
            else
            {
                await IsolateAsync(group, outcomes).ConfigureAwait(false);
            }
        }

        lock (_admission)
        {
            _queuedRecords -= records;
            _statistics.RecordQueueDepth(_queuedRecords);
        }

        for (var i = 0; i < group.Count; i++)
        {
            Answer(group[i], outcomes[i]);
        }
    }

    /// <summary>
    /// One request's records failed the group's transaction: commit each request alone, so that only the request
    /// whose records the store cannot hold fails, and everyone else's records are still stored (and durable before
    /// they are acknowledged, each in its own transaction).
    /// </summary>
    private async Task IsolateAsync(List<PendingWrite> group, Exception?[] outcomes)
    {
        for (var i = 0; i < group.Count; i++)
        {
            outcomes[i] = await TryWriteAsync([group[i]]).ConfigureAwait(false);
            if (outcomes[i] is { } failure && CommitFailure.IsStoreFault(failure))
            {
                // The store itself fails now (a full disk): the rest would fail the same way, so do not wait for each.
                Array.Fill(outcomes, failure, i + 1, group.Count - i - 1);
                return;
            }
        }
    }

    private async Task<Exception?> TryWriteAsync(List<PendingWrite> group)
    {
        var batch = group.Count == 1 ? group[0].Batch : Combine(group);
        try
        {
            // Not cancellable: what was admitted is stored, even while the server stops.
            await _store.WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            _statistics.RecordCommit();
            return null;
        }
        catch (Exception e)
        {
            // Readiness counts only failures of the store itself (a full disk), not records it cannot hold.
            if (CommitFailure.IsStoreFault(e))
            {
                _statistics.RecordCommitFailed();
            }

            return e;
        }
    }

    private static TelemetryBatch Combine(List<PendingWrite> group)
    {
        // Sized once: growing three lists through every request's records copied them over and over.
        int logCount = 0, spanCount = 0, pointCount = 0;
        foreach (var write in group)
        {
            logCount += write.Batch.Logs.Count;
            spanCount += write.Batch.Spans.Count;
            pointCount += write.Batch.MetricPoints.Count;
        }

        List<PushMark>? marks = null;
        var logs = new List<LogEntry>(logCount);
        var spans = new List<SpanEntry>(spanCount);
        var points = new List<MetricPoint>(pointCount);
        foreach (var write in group)
        {
            logs.AddRange(write.Batch.Logs);
            spans.AddRange(write.Batch.Spans);
            points.AddRange(write.Batch.MetricPoints);
            if (write.Batch.PushMarks.Count > 0)
            {
                (marks ??= []).AddRange(write.Batch.PushMarks);
            }
        }

        return new TelemetryBatch { Logs = logs, Spans = spans, MetricPoints = points, PushMarks = marks ?? [] };
    }

    private void Answer(PendingWrite write, Exception? failure)
    {
        if (failure is null)
        {
            _statistics.RecordStored(write.Signal, write.Records);
            write.Committed.TrySetResult();
        }
        else if (CommitFailure.IsStoreFault(failure))
        {
            // The sender is told what happened, not how the server is built: the details (the store's path, SQLite's
            // text) are in the server's log.
            _statistics.RecordDropped(write.Signal, write.Records);
            write.Committed.TrySetException(new IngestRefusedException(IngestRefusal.StoreFailed, "The store could not commit the records; retry later.", failure));
        }
        else if (failure is PushConflictException)
        {
            // A push batch stored before (or by another push of its stream): its sender reads the position again.
            write.Committed.TrySetException(failure);
        }
        else
        {
            // These records fail however often they are sent: a retryable answer would only bring them back.
            // By name: Log.cs sits at the root, below every folder that logs through it, so it takes no folder's types.
            Log.RecordsRejectedByStore(_logger, failure, write.Records, write.Signal.ToString());
            write.Committed.TrySetException(new IngestRejectedException(
                "The store cannot hold this request's records; they were rejected and should not be sent again.", failure));
        }
    }
}
