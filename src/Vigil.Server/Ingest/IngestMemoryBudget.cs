namespace Vigil.Server.Ingest;

/// <summary>
/// Bounds the memory that export requests hold, from the moment their body is read until their records are committed:
/// each request reserves an estimate of its decoded size before it is read and decoded, and gives it back once its
/// records are stored (or refused). A request that does not fit waits, first come first served, for at most
/// the admission wait (5 s by default), then is refused as retryable (503 / UNAVAILABLE). The record-count limit of
/// <see cref="IngestQueue"/> cannot do this alone: one 15 MB request with a million attributes costs about 300 MB.
/// </summary>
internal sealed class IngestMemoryBudget
{
    /// <summary>
    /// Bytes in memory per byte on the wire, decoded protobuf, mapped records and the body together, measured on the
    /// costliest shape (a request of tiny attributes: about 15 bytes on the wire each); see docs/server.md.
    /// </summary>
    public const int DecodedBytesPerWireByte = 24;

    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly long _capacity;
    private readonly long _maxWireBytes;
    private readonly TimeSpan _admissionWait;
    private readonly IngestStatistics _statistics;
    private long _used;

    /// <param name="capacity">The bytes all requests in flight may hold together.</param>
    /// <param name="maxWireBytes">The largest body accepted (decompressed): the estimate when a body's size is not known yet.</param>
    /// <param name="admissionWait">How long a request waits for room before it is refused.</param>
    /// <param name="statistics">Where the bytes reserved and the refusals are counted.</param>
    public IngestMemoryBudget(long capacity, long maxWireBytes, TimeSpan admissionWait, IngestStatistics statistics)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWireBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(admissionWait, TimeSpan.Zero);
        _capacity = capacity;
        _maxWireBytes = maxWireBytes;
        _admissionWait = admissionWait;
        _statistics = statistics;
    }

    /// <summary>The bytes reserved by requests in flight.</summary>
    public long Used
    {
        get
        {
            lock (_lock)
            {
                return _used;
            }
        }
    }

    /// <summary>Requests waiting for room.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>Reserves room for a request of <paramref name="wireBytes"/> bytes; null means its size is not known yet.</summary>
    /// <exception cref="IngestRefusedException">No room came free within the admission wait.</exception>
    public async Task<IngestMemoryLease> AcquireAsync(long? wireBytes, CancellationToken cancellationToken)
    {
        var bytes = Estimate(wireBytes ?? _maxWireBytes);
        Waiter waiter;
        lock (_lock)
        {
            if (_waiters.Count == 0 && Fits(bytes))
            {
                _used += bytes;
                _statistics.RecordMemoryReserved(_used);
                return new IngestMemoryLease(this, bytes, exact: wireBytes is not null);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }

        try
        {
            await waiter.Granted.Task.WaitAsync(_admissionWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            lock (_lock)
            {
                if (!waiter.Granted.Task.IsCompleted)
                {
                    _waiters.Remove(waiter.Node!);
                    GrantWaiters();
                    if (e is OperationCanceledException)
                    {
                        throw;
                    }

                    _statistics.RecordMemoryRefused();
                    throw new IngestRefusedException(IngestRefusal.MemoryFull, $"The server is busy with other large requests ({_used / (1024 * 1024)} MiB of {_capacity / (1024 * 1024)} MiB in use); retry later.");
                }
            }

            // Granted just as the wait ended: the room is this request's.
        }

        return new IngestMemoryLease(this, bytes, exact: wireBytes is not null);
    }

    /// <summary>The bytes a request of <paramref name="wireBytes"/> bytes reserves, at most the whole budget (so it can always run alone).</summary>
    internal long Estimate(long wireBytes) => Math.Clamp(Math.Min(wireBytes, _maxWireBytes) * DecodedBytesPerWireByte, 1, _capacity);

    /// <summary>Gives back <paramref name="bytes"/> and lets waiting requests in, in their order of arrival.</summary>
    internal void Return(long bytes)
    {
        lock (_lock)
        {
            _used -= bytes;
            GrantWaiters();
            _statistics.RecordMemoryReserved(_used);
        }
    }

    private bool Fits(long bytes) => _used == 0 || _used + bytes <= _capacity;

    private void GrantWaiters()
    {
        while (_waiters.First is { } first && Fits(first.Value.Bytes))
        {
            _waiters.RemoveFirst();
            _used += first.Value.Bytes;
            first.Value.Granted.TrySetResult();
        }

        _statistics.RecordMemoryReserved(_used);
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
