namespace Vigil.Server.Ingest;

/// <summary>
/// One request's share of the <see cref="IngestMemoryBudget"/>. The request holds it until it is answered; the queue
/// holds it too until the request's records are committed, so a sender that hangs up does not free memory the queue
/// still uses. The room goes back when the last holder lets go.
/// </summary>
internal sealed class IngestMemoryLease : IDisposable
{
    private readonly IngestMemoryBudget _budget;
    private long _bytes;
    private int _holders = 1;
    private int _disposed;

    internal IngestMemoryLease(IngestMemoryBudget budget, long bytes, bool exact)
    {
        _budget = budget;
        _bytes = bytes;
        Exact = exact;
    }

    /// <summary>False when the request's size was not known (compressed, or no length) and the largest was assumed.</summary>
    public bool Exact { get; private set; }

    /// <summary>The bytes reserved.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Once the decoded size is known, gives back what the estimate reserved beyond it. Never grows.</summary>
    public void ShrinkTo(long wireBytes)
    {
        var bytes = _budget.Estimate(wireBytes);
        var current = Interlocked.Read(ref _bytes);
        Exact = true;
        if (bytes < current && Interlocked.CompareExchange(ref _bytes, bytes, current) == current)
        {
            _budget.Return(current - bytes);
        }
    }

    /// <summary>Keeps the room reserved until <paramref name="until"/> completes, however it completes.</summary>
    public void HoldUntil(Task until)
    {
        Interlocked.Increment(ref _holders);
        _ = until.ContinueWith(static (_, state) => ((IngestMemoryLease)state!).Release(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>The request lets go (once); the room goes back unless the queue still holds it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _holders) == 0)
        {
            _budget.Return(Interlocked.Exchange(ref _bytes, 0));
        }
    }
}
