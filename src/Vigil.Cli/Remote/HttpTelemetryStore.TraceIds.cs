using Vigil.Api.Contracts.V1;

namespace Vigil.Cli.Remote;

/// <summary>Trace id prefix lookups through <c>GET /api/trace-ids</c>.</summary>
internal sealed partial class HttpTelemetryStore
{
    public async Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        var path = "api/trace-ids" + new QueryString().Add(ApiQueryParameters.TraceIds.Prefix, prefix).Add(ApiQueryParameters.TraceIds.Limit, limit);
        var page = await GetAsync(path, ApiJson.TypeInfo<ApiPage<string>>(), cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }
}
