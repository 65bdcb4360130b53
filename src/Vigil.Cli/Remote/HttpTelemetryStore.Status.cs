using Vigil.Api.Contracts.V1;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>The store's status: a server measures its own store file and disk (<c>GET /api/status</c>).</summary>
internal sealed partial class HttpTelemetryStore
{
    /// <summary><c>GET /api/status</c>, as the <see cref="StoreStatus"/> the server measured.</summary>
    /// <exception cref="NotSupportedException">The server's store is a database, whose size the server cannot see.</exception>
    public async Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var status = await GetAsync("api/status", ApiJson.TypeInfo<ApiStoreStatus>(), cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException(Location, $"the Vigil server at {Location} has no status endpoint (is it an older version?)", null);
        return status.ToModel();
    }
}
