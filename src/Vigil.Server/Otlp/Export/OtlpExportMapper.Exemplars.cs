using Google.Protobuf.Collections;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Metrics.V1;

namespace Vigil.Server.Otlp.Export;

/// <summary>A point's exemplars back to OTLP (the inverse of <c>Mapping/OtlpMapper.Exemplars</c>), so <c>vigil push</c> carries them.</summary>
internal static partial class OtlpExportMapper
{
    private static void AddExemplars(RepeatedField<Exemplar> target, IReadOnlyList<MetricExemplar> exemplars)
    {
        foreach (var exemplar in exemplars)
        {
            var result = new Exemplar
            {
                TimeUnixNano = ToUnixNano(exemplar.Timestamp),
                AsDouble = exemplar.Value,
                TraceId = Id(exemplar.TraceId),
                SpanId = Id(exemplar.SpanId),
            };
            AddAttributes(result.FilteredAttributes, exemplar.FilteredAttributes);
            target.Add(result);
        }
    }
}
