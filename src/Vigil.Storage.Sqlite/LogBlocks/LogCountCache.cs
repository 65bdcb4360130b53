using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// The times of a block's records that a count's filters match (whatever the window), kept per block and filter. A
/// block's records never change (retention deletes a block, or replaces it with one of another count and start), so
/// each block is decompressed once per filter, not at every evaluation of every alert rule that counts it: a block
/// wholly inside the window counts all its matches, and one that straddles an edge of the window (they move every
/// evaluation) counts the matches inside it by two binary searches over the sorted times.
/// </summary>
internal sealed class LogCountCache
{
    /// <summary>
    /// The most match times kept over all entries (8 bytes each, so 16 MiB); past it the cache starts again, so memory
    /// stays bounded whatever the filters match.
    /// </summary>
    public const long MaxTimes = 2_000_000;

    private readonly ConcurrentDictionary<(string Filter, long Block), Entry> _entries = new();
    private long _times;

    /// <summary>The sorted times of the block's matching records, when the block is still the one counted.</summary>
    public bool TryGet(string filter, long block, int count, long minTime, out long[] matchedTimes)
    {
        if (_entries.TryGetValue((filter, block), out var entry) && entry.Count == count && entry.MinTime == minTime)
        {
            matchedTimes = entry.MatchedTimes;
            return true;
        }

        matchedTimes = [];
        return false;
    }

    /// <summary>Keeps the block's matching times (sorted ascending) for the filter.</summary>
    public void Set(string filter, long block, int count, long minTime, long[] matchedTimes)
    {
        // An entry is ~100 bytes besides its times: count each as at least one time.
        var cost = Math.Max(1, matchedTimes.Length);
        if (Interlocked.Add(ref _times, cost) > MaxTimes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _times, cost);
        }

        _entries[(filter, block)] = new Entry(count, minTime, matchedTimes);
    }

    /// <summary>How many of the sorted times are in [from, to); a missing bound does not limit.</summary>
    public static int CountWithin(long[] sortedTimes, long? from, long? to)
    {
        var start = from is { } f ? LowerBound(sortedTimes, f) : 0;
        var end = to is { } t ? LowerBound(sortedTimes, t) : sortedTimes.Length;
        return Math.Max(0, end - start);
    }

    /// <summary>The part of a query that decides which records of a block match, whatever the window.</summary>
    public static string KeyOf(LogQuery query)
    {
        var key = new StringBuilder();
        key.Append(query.ServiceName).Append('\u001f')
            .Append(query.MinimumSeverity?.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(query.Text).Append('\u001f')
            .Append(query.TraceId);
        foreach (var (name, value) in query.Attributes)
        {
            key.Append('\u001f').Append(name).Append('\u001e').Append(value);
        }

        return key.ToString();
    }

    // The first index whose time is at or after the value.
    private static int LowerBound(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed record Entry(int Count, long MinTime, long[] MatchedTimes);
}
