using Vigil.Api.Contracts.V1;
using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>Exemplars back as the model's records.</summary>
internal static partial class ContractMap
{
    // The API gives a series as its labels in text form and its service: enough to name the chart line it belongs to,
    // which is all a reader of the answer needs (the value types of the attributes do not travel).
    public static ExemplarQueryResult ToModel(this ApiExemplars exemplars) => new()
    {
        Truncated = exemplars.Truncated,
        Exemplars = [.. exemplars.Items.Select(e => new SeriesExemplar
        {
            Series = new MetricSeriesInfo
            {
                Name = exemplars.Name,
                Attributes = [.. e.Labels.Select(l => new KeyValuePair<string, object?>(l.Key, l.Value))],
                Resource = e.Service is null ? TelemetryResource.Empty : new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, e.Service)] },
            },
            PointTimestamp = e.PointTime,
            Exemplar = new MetricExemplar { Timestamp = e.Time, Value = e.Value, TraceId = e.TraceId, SpanId = e.SpanId },
        })],
    };
}
