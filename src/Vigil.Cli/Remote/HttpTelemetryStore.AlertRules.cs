using Vigil.Api.Contracts.V1;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary>The rule engine's endpoints: rules live in a running server's memory, so only a server answers them.</summary>
internal sealed partial class HttpTelemetryStore
{
    /// <summary><c>GET /api/alerts/rules</c>.</summary>
    public async Task<ApiAlertRules> GetAlertRulesAsync(CancellationToken cancellationToken = default) =>
        await GetAsync("api/alerts/rules", ApiJson.TypeInfo<ApiAlertRules>(), cancellationToken).ConfigureAwait(false)
        ?? throw NoRuleEngine();

    /// <summary><c>POST /api/alerts/reload</c>.</summary>
    public async Task<ApiAlertReload> ReloadAlertRulesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync(
            new HttpRequestMessage(HttpMethod.Post, new Uri("api/alerts/reload", UriKind.Relative)),
            ApiJson.TypeInfo<ApiAlertReload>(),
            detail => new CliUsageException($"{Location}: {detail}"),
            cancellationToken).ConfigureAwait(false)
        ?? throw NoRuleEngine();

    private StoreException NoRuleEngine() => new(Location, $"the Vigil server at {Location} has no alert rules endpoint (is it an older version?)", null);
}
