using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Vigil.Model;
using Vigil.Server.Ingest;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The read side hosted the way <c>vigil serve</c> hosts it: real Kestrel on 127.0.0.1:0 over a
/// real SQLite store in a temp folder, with fixed ingest figures and a clock fixed at <see cref="Seed.Now"/>.
/// </summary>
internal sealed class ReadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _directory;

    private ReadServer(WebApplication app, TempDirectory directory, ITelemetryStore store, FakeIngestStatistics statistics)
    {
        Statistics = statistics;
        _app = app;
        _directory = directory;
        Store = store;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public ITelemetryStore Store { get; }

    public HttpClient Client { get; }

    public FakeIngestStatistics Statistics { get; }

    /// <param name="apiKey">The API key to require, if any.</param>
    /// <param name="storePath">The store file; a new one in a temp folder by default.</param>
    /// <param name="wrap">Wraps the real store, to stand for another engine's behaviour.</param>
    /// <param name="queryTimeout">The store's query timeout, when not the default.</param>
    public static async Task<ReadServer> StartAsync(string? apiKey = null, string? storePath = null, Func<ITelemetryStore, ITelemetryStore>? wrap = null, TimeSpan? queryTimeout = null)
    {
        var directory = new TempDirectory();
        var clock = new FakeTimeProvider(Seed.Now);
        // The store judges health staleness (and error-group hours) by its clock: the same fixed one as the API's.
        var store = SqliteTelemetryStore.Open(storePath ?? directory.Combine("vigil.db"), TelemetryStoreOptions.Writer with { Clock = clock, QueryTimeout = queryTimeout ?? TelemetryStoreOptions.DefaultQueryTimeout });
        store = wrap?.Invoke(store) ?? store;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(store);
        var statistics = new FakeIngestStatistics();
        builder.Services.AddSingleton<IIngestStatistics>(statistics);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.Configure<QueryApiOptions>(options => options.ApiKey = apiKey);
        var app = builder.Build();
        app.MapVigilQueryApi();
        app.MapVigilPrometheus();
        app.MapVigilHealth();
        await app.StartAsync().DefaultTimeout();
        return new ReadServer(app, directory, store, statistics);
    }

    public Task WriteAsync(TelemetryBatch batch) => Store.WriteAsync(batch).DefaultTimeout();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
