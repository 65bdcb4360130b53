using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>A metric's exemplars through <c>GET /api/metric-exemplars</c>, so <c>vigil metrics NAME --server</c> lists them as a store file's do.</summary>
internal sealed partial class HttpTelemetryStore : IExemplarReader
{
    public async Task<ExemplarQueryResult> QueryExemplarsAsync(ExemplarQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        var path = "api/metric-exemplars" + new QueryString()
            .Add(ApiQueryParameters.MetricExemplars.Name, query.Name)
            .Add(ApiQueryParameters.MetricExemplars.Since, query.From)
            .Add(ApiQueryParameters.MetricExemplars.Until, query.To)
            .Add(ApiQueryParameters.MetricExemplars.Service, query.ServiceName)
            .Add(ApiQueryParameters.MetricExemplars.Limit, query.Limit);
        var found = await GetAsync(path, ApiJson.TypeInfo<ApiExemplars>(), cancellationToken).ConfigureAwait(false);
        return found?.ToModel() ?? new ExemplarQueryResult();
    }
}
