using System.Collections.Concurrent;

namespace Vigil.Server.Sentry;

/// <summary>
/// Counts the envelope items received by type, and the requests refused by status, for <c>/metrics</c>. A type
/// outside the protocol's list counts as <c>other</c>, so a sender cannot grow the label set without bound.
/// </summary>
internal sealed class SentryStatistics
{
    private static readonly HashSet<string> s_knownTypes = new(StringComparer.Ordinal)
    {
        "event", "transaction", "attachment", "session", "sessions", "client_report", "user_report", "feedback",
        "check_in", "profile", "profile_chunk", "replay_event", "replay_recording", "replay_video", "statsd",
        "metric_buckets", "span", "log", "otel_log", "trace_metric", "raw_security", "nel", "security",
    };

    private readonly ConcurrentDictionary<string, long> _items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _refused = new();

    public void RecordItem(string type) => _items.AddOrUpdate(s_knownTypes.Contains(type) ? type : "other", 1, (_, n) => n + 1);

    public void RecordRefused(int statusCode) => _refused.AddOrUpdate(statusCode, 1, (_, n) => n + 1);

    public IReadOnlyList<KeyValuePair<string, long>> Items() => [.. _items.OrderBy(i => i.Key, StringComparer.Ordinal)];

    public IReadOnlyList<KeyValuePair<int, long>> Refused() => [.. _refused.OrderBy(r => r.Key)];
}
