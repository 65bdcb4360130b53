using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Vigil.Model;

namespace Vigil.Storage.Sqlite.LogBlocks;

/// <summary>
/// How many records of a block a count's filters matched, kept per block and filter. A block's records never change
/// (retention deletes a block, or replaces it with one of another count and start), so a block wholly inside a
/// window is decompressed once per filter, not at every evaluation of every alert rule that counts it.
/// </summary>
internal sealed class LogCountCache
{
    /// <summary>The most entries kept; past it the cache starts again, so memory stays bounded (~100 bytes each).</summary>
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<(string Filter, long Block), (int Count, long MinTime, int Matched)> _entries = new();

    /// <summary>The cached count of matches in a block, when the block is still the one counted.</summary>
    public bool TryGet(string filter, long block, int count, long minTime, out int matched)
    {
        if (_entries.TryGetValue((filter, block), out var entry) && entry.Count == count && entry.MinTime == minTime)
        {
            matched = entry.Matched;
            return true;
        }

        matched = 0;
        return false;
    }

    public void Set(string filter, long block, int count, long minTime, int matched)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(filter, block)] = (count, minTime, matched);
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
}
