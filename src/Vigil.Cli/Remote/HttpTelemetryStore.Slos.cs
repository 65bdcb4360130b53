using Vigil.Api.Contracts.V1;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>The SLOs' endpoints: a server evaluates the SLOs of its own rule engine against its own store.</summary>
internal sealed partial class HttpTelemetryStore
{
    /// <summary><c>GET /api/slos</c>: every SLO in force, evaluated now.</summary>
    public async Task<IReadOnlyList<ApiSlo>> GetSlosAsync(CancellationToken cancellationToken = default)
    {
        var page = await GetAsync("api/slos", ApiJson.TypeInfo<ApiPage<ApiSlo>>(), cancellationToken).ConfigureAwait(false)
            ?? throw NoSloEndpoint();
        return page.Items;
    }

    /// <summary><c>GET /api/slos/{name}</c>: one SLO, evaluated now; null when the server has none of that name.</summary>
    public Task<ApiSlo?> GetSloAsync(string name, CancellationToken cancellationToken = default) =>
        GetAsync("api/slos/" + Uri.EscapeDataString(name), ApiJson.TypeInfo<ApiSlo>(), cancellationToken);

    private StoreException NoSloEndpoint() => new(Location, $"the Vigil server at {Location} has no SLO endpoint (is it an older version?)", null);
}
