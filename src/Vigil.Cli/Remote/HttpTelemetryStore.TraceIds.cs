namespace Vigil.Cli.Remote;

/// <summary>Trace id prefix lookups through <c>GET /api/trace-ids</c>.</summary>
internal sealed partial class HttpTelemetryStore
{
    public async Task<IReadOnlyList<string>> FindTraceIdsAsync(string prefix, int limit, CancellationToken cancellationToken = default)
    {
        var path = "api/trace-ids" + new QueryString().Add("prefix", prefix).Add("limit", limit);
        var page = await GetAsync<RemotePage<string>>(path, cancellationToken).ConfigureAwait(false);
        return page?.Items ?? [];
    }
}
