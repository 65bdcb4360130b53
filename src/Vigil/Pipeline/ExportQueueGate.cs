namespace Vigil.Pipeline;

/// <summary>
/// Bounds one sink's queue and counts what happens to the items: admitted, exported, failed, dropped.
/// OpenTelemetry's batch processor bounds its queue too but keeps its drop count internal; admitting
/// through this gate first, with the same capacity, means the batch queue can never be the one that
/// drops, so every drop is counted here and published as a metric.
/// </summary>
internal sealed class ExportQueueGate
{
    private long _pending;
    private long _dropped;
    private long _exported;
    private long _failed;

    public ExportQueueGate(string sink, string signal, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Sink = sink;
        Signal = signal;
        Capacity = capacity;
    }

    public string Sink { get; }

    public string Signal { get; }

    public int Capacity { get; }

    /// <summary>Items admitted and not yet handed back by the exporter.</summary>
    public long Pending => Volatile.Read(ref _pending);

    public long Dropped => Volatile.Read(ref _dropped);

    public long Exported => Volatile.Read(ref _exported);

    public long Failed => Volatile.Read(ref _failed);

    /// <summary>Admits one item, or counts it as dropped when the queue is full. Never blocks.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _pending) <= Capacity)
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Hands back a batch the exporter has finished with.</summary>
    public void Exit(long count, bool exported)
    {
        Interlocked.Add(ref _pending, -count);
        Interlocked.Add(ref exported ? ref _exported : ref _failed, count);
    }

    /// <summary>
    /// Counts items of a sink without a queue (a metric reader's exporter), which exports what a collection holds
    /// at once: exported or failed, never pending.
    /// </summary>
    public void Record(long count, bool exported)
    {
        if (count > 0)
        {
            Interlocked.Add(ref exported ? ref _exported : ref _failed, count);
        }
    }
}
