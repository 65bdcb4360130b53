using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>Exemplars as the contract's type.</summary>
internal static partial class ApiMap
{
    public static ApiExemplars ToApi(this ExemplarQueryResult result, string name) => new()
    {
        Name = name,
        Truncated = result.Truncated,
        Items = [.. result.Exemplars.Select(found => new ApiExemplar
        {
            Time = found.Exemplar.Timestamp,
            Value = found.Exemplar.Value,
            TraceId = found.Exemplar.TraceId,
            SpanId = found.Exemplar.SpanId,
            PointTime = found.PointTimestamp,
            Service = found.Series.Resource.ServiceName,
            Labels = MetricGroupLabels.For(found.Series, groupBy: null),
            FilteredAttributes = ApiAttributes.From(found.Exemplar.FilteredAttributes),
        })],
    };
}
