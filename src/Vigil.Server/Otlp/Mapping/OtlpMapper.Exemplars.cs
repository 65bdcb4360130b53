using Google.Protobuf.Collections;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Metrics.V1;

namespace Vigil.Server.Otlp.Mapping;

/// <summary>A data point's exemplars: the values it was made from, with the spans they were recorded in.</summary>
internal static partial class OtlpMapper
{
    private static IReadOnlyList<MetricExemplar> MapExemplars(RepeatedField<Exemplar> exemplars, ExemplarTally dropped, string name)
    {
        // Most points carry none: they share the one empty array.
        if (exemplars.Count == 0)
        {
            return Array.Empty<MetricExemplar>();
        }

        var result = new List<MetricExemplar>(Math.Min(exemplars.Count, MetricExemplar.MaxPerPoint));
        for (var i = 0; i < exemplars.Count; i++)
        {
            if (result.Count == MetricExemplar.MaxPerPoint)
            {
                // The first valid ones are kept; everything after them is counted, not parsed.
                dropped.Drop(exemplars.Count - i, $"metric '{name}': a point has more than {MetricExemplar.MaxPerPoint} exemplars");
                break;
            }

            var exemplar = exemplars[i];
            double? value = exemplar.ValueCase switch
            {
                Exemplar.ValueOneofCase.AsDouble => exemplar.AsDouble,
                Exemplar.ValueOneofCase.AsInt => exemplar.AsInt,
                _ => null,
            };
            if (value is null)
            {
                dropped.Drop(1, $"metric '{name}': an exemplar has no value");
                continue;
            }

            // Ids are optional (an exemplar recorded outside a span has none), but one of the wrong length links to
            // nothing: the exemplar is dropped rather than stored with a link that cannot be followed.
            if (!OtlpIds.TryOptional(exemplar.TraceId, OtlpIds.TraceIdLength, out var traceId)
                || !OtlpIds.TryOptional(exemplar.SpanId, OtlpIds.SpanIdLength, out var spanId))
            {
                dropped.Drop(1, $"metric '{name}': an exemplar's trace_id must be {OtlpIds.TraceIdLength} bytes and span_id {OtlpIds.SpanIdLength}");
                continue;
            }

            result.Add(new MetricExemplar
            {
                Timestamp = FromUnixNano(exemplar.TimeUnixNano),
                Value = value.Value,
                TraceId = traceId,
                SpanId = spanId,
                FilteredAttributes = MapAttributes(exemplar.FilteredAttributes),
            });
        }

        return result;
    }
}
