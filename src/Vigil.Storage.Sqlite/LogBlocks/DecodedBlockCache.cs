using System.Collections.Concurrent;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// The few blocks decompressed most recently, kept decoded. Alert rules of one service read the same newest blocks for
/// their evidence lines and the same blocks at their windows' edges, each rule on its own; without this each read
/// decompressed the block again. A block's records never change (retention deletes a block, or replaces it with one of
/// another count and start), so an entry is valid while the id, count and start still match the block's summary row.
/// </summary>
internal sealed class DecodedBlockCache
{
    /// <summary>The blocks kept: a decoded block of a thousand records takes about a quarter of a MiB.</summary>
    public const int Capacity = 48;

    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private long _clock;

    public bool TryGet(long id, int count, long minTime, out LogBlock block)
    {
        if (_entries.TryGetValue(id, out var entry) && entry.Block.Count == count && entry.MinTime == minTime)
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            block = entry.Block;
            return true;
        }

        block = null!;
        return false;
    }

    public LogBlock Decode(long id, long minTime, byte[] blob)
    {
        var block = LogBlock.Decode(blob);
        if (_entries.Count >= Capacity)
        {
            // Forget the older half at once, so a full cache is trimmed once every Capacity/2 misses, not at each one.
            foreach (var old in _entries.OrderBy(e => e.Value.LastUsed).Take(Capacity / 2).ToList())
            {
                _entries.TryRemove(old.Key, out _);
            }
        }

        _entries[id] = new Entry(block, minTime) { LastUsed = Interlocked.Increment(ref _clock) };
        return block;
    }

    private sealed class Entry(LogBlock block, long minTime)
    {
        public LogBlock Block { get; } = block;

        public long MinTime { get; } = minTime;

        public long LastUsed { get; set; }
    }
}
