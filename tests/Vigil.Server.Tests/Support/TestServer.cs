using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Server.Disk;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Support;

/// <summary>A real server on 127.0.0.1 with free ports, over a recording SQLite store in a temp directory.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly List<IDisposable> _clients = [];

    private TestServer(TempDirectory directory, VigilServerApplication app, RecordingStore store)
    {
        _directory = directory;
        App = app;
        Store = store;
    }

    public VigilServerApplication App { get; }

    public RecordingStore Store { get; }

    public IngestStatistics Statistics => (IngestStatistics)App.Services.GetRequiredService<IIngestStatistics>();

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{App.Port(VigilServerListener.OtlpGrpc)}");

    public Uri HttpEndpoint => new($"http://127.0.0.1:{App.Port(VigilServerListener.OtlpHttp)}");

    public Uri QueryEndpoint => new($"http://127.0.0.1:{App.Port(VigilServerListener.Query)}");

    public static async Task<TestServer> StartAsync(Action<VigilServerOptions>? configure = null, ILoggerProvider? logs = null, IDiskSpace? diskSpace = null)
    {
        var directory = new TempDirectory();
        var options = new VigilServerOptions
        {
            StorePath = directory.Combine("vigil.db"),
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
        };
        configure?.Invoke(options);
        var store = new RecordingStore(SqliteTelemetryStore.Open(options.StorePath, TelemetryStoreOptions.Writer));
        var app = VigilServerApplication.Create(options, store, logs, diskSpace);
        await app.StartAsync().DefaultTimeout();
        return new TestServer(directory, app, store);
    }

    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = HttpEndpoint, Timeout = TaskTimeouts.Default };
        _clients.Add(client);
        return client;
    }

    /// <summary>A client of the query API, disposed with the server.</summary>
    public HttpClient CreateQueryClient()
    {
        var client = new HttpClient { BaseAddress = QueryEndpoint, Timeout = TaskTimeouts.Default };
        _clients.Add(client);
        return client;
    }

    public GrpcChannel CreateGrpcChannel()
    {
        var channel = GrpcChannel.ForAddress(GrpcEndpoint);
        _clients.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Store.Open();
        await App.DisposeAsync().AsTask().DefaultTimeout();
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
