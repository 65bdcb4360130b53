using Vigil.Model;

namespace Vigil.Server.Ingest;

/// <summary>
/// Moves records stamped further in the future than the allowed clock skew to the time they were received, and marks
/// them with <see cref="Attribute"/> (the sender's own time, RFC 3339). A span keeps its duration: it is shifted so that
/// it ends when it was received. A metric point is not marked, because its attributes are its series' identity.
/// </summary>
internal sealed class FutureTimestamps(TimeProvider clock, TimeSpan maxClockSkew)
{
    /// <summary>The attribute that carries the sender's timestamp of a moved log record or span.</summary>
    public const string Attribute = "vigil.clock_skew";

    public TelemetryBatch Clamp(TelemetryBatch batch)
    {
        var now = clock.GetUtcNow();
        var limit = DateTimeOffset.MaxValue - now < maxClockSkew ? DateTimeOffset.MaxValue : now + maxClockSkew;
        if (!AnyAfter(batch, limit))
        {
            // The usual case costs three scans and no allocation.
            return batch;
        }

        return batch with
        {
            Logs = [.. batch.Logs.Select(l => l.Timestamp > limit || l.ObservedTimestamp > limit ? Clamp(l, now, limit) : l)],
            Spans = [.. batch.Spans.Select(s => s.EndTime > limit || s.StartTime > limit ? Clamp(s, now) : s)],
            MetricPoints = [.. batch.MetricPoints.Select(p => p.Timestamp > limit || p.StartTimestamp > limit ? Clamp(p, now) : p)],
        };
    }

    // Indexed loops, not LINQ or foreach over the interfaces: closures and boxed enumerators per request on the hot path.
    private static bool AnyAfter(TelemetryBatch batch, DateTimeOffset limit)
    {
        for (var i = 0; i < batch.Logs.Count; i++)
        {
            if (batch.Logs[i].Timestamp > limit || batch.Logs[i].ObservedTimestamp > limit)
            {
                return true;
            }
        }

        for (var i = 0; i < batch.Spans.Count; i++)
        {
            if (batch.Spans[i].EndTime > limit || batch.Spans[i].StartTime > limit)
            {
                return true;
            }
        }

        for (var i = 0; i < batch.MetricPoints.Count; i++)
        {
            if (batch.MetricPoints[i].Timestamp > limit || batch.MetricPoints[i].StartTimestamp > limit)
            {
                return true;
            }
        }

        return false;
    }

    private static LogEntry Clamp(LogEntry log, DateTimeOffset now, DateTimeOffset limit) => log with
    {
        Timestamp = log.Timestamp > limit ? now : log.Timestamp,
        ObservedTimestamp = log.ObservedTimestamp > limit ? now : log.ObservedTimestamp,
        Attributes = log.Timestamp > limit ? Mark(log.Attributes, log.Timestamp) : log.Attributes,
    };

    private static SpanEntry Clamp(SpanEntry span, DateTimeOffset now)
    {
        var end = span.EndTime > span.StartTime ? span.EndTime : span.StartTime;
        var duration = end - span.StartTime;
        return span with
        {
            StartTime = duration < now - DateTimeOffset.MinValue ? now - duration : DateTimeOffset.MinValue,
            EndTime = now,
            Attributes = Mark(span.Attributes, span.StartTime),
        };
    }

    private static MetricPoint Clamp(MetricPoint point, DateTimeOffset now) => point with
    {
        Timestamp = point.Timestamp > now ? now : point.Timestamp,
        StartTimestamp = point.StartTimestamp > now ? now : point.StartTimestamp,
    };

    private static IReadOnlyList<KeyValuePair<string, object?>> Mark(IReadOnlyList<KeyValuePair<string, object?>> attributes, DateTimeOffset sent) =>
        [.. attributes, new(Attribute, sent.ToString("O", System.Globalization.CultureInfo.InvariantCulture))];
}
