using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Remote;

/// <summary>The query API on real Kestrel at 127.0.0.1:0, reading a store file the CLI can also read directly.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private readonly ITelemetryStore _store;

    private LoopbackServer(WebApplication app, ITelemetryStore store)
    {
        _app = app;
        _store = store;
        Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
    }

    public string Url { get; }

    /// <param name="storePath">The store file.</param>
    /// <param name="apiKey">The API key to require, if any.</param>
    /// <param name="clock">
    /// The store's and the API's clock (error-group hours, spikes, ignore limits, silence states, relative times); pass
    /// the CLI's when comparing with a local run, which gives the store the CLI's clock.
    /// </param>
    public static async Task<LoopbackServer> StartAsync(string storePath, string? apiKey = null, TimeProvider? clock = null)
    {
        // Writable, as vigil serve's store is: the triage endpoints change it.
        var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Writer with { CreateIfMissing = false, Clock = clock ?? TimeProvider.System });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddVigilStore(store);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.Services.Configure<QueryApiOptions>(options => options.ApiKey = apiKey);
        var app = builder.Build();
        app.MapVigilQueryApi();
        await app.StartAsync().WaitAsync(s_timeout);
        return new LoopbackServer(app, store);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(s_timeout);
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }
}
