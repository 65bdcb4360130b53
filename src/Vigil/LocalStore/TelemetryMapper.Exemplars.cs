using System.Diagnostics;
using StoredExemplar = Vigil.Model.MetricExemplar;

namespace Vigil.LocalStore;

/// <summary>A point's exemplars (kept by the exemplar filter, <c>Metrics:ExemplarFilter</c>) for the local store.</summary>
internal static partial class TelemetryMapper
{
    private static IReadOnlyList<StoredExemplar> ToExemplars(in OpenTelemetry.Metrics.MetricPoint point, bool isLong)
    {
        if (!point.TryGetExemplars(out var exemplars))
        {
            return Array.Empty<StoredExemplar>();
        }

        List<StoredExemplar>? result = null;
        foreach (ref readonly var exemplar in exemplars)
        {
            // The store keeps as many as a receiver would (OpenTelemetry's reservoirs keep far fewer).
            if (result?.Count == StoredExemplar.MaxPerPoint)
            {
                break;
            }

            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var tag in exemplar.FilteredTags)
            {
                tags.Add(tag);
            }

            (result ??= []).Add(new StoredExemplar
            {
                Timestamp = exemplar.Timestamp,
                Value = isLong ? exemplar.LongValue : exemplar.DoubleValue,
                // An exemplar recorded outside a span (the always-on filter) has default, all-zero ids: none.
                TraceId = exemplar.TraceId == default(ActivityTraceId) ? null : exemplar.TraceId.ToHexString(),
                SpanId = exemplar.SpanId == default(ActivitySpanId) ? null : exemplar.SpanId.ToHexString(),
                FilteredAttributes = tags,
            });
        }

        return result ?? (IReadOnlyList<StoredExemplar>)Array.Empty<StoredExemplar>();
    }
}
