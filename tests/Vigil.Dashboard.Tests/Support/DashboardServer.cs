using Microsoft.Extensions.DependencyInjection;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Dashboard.Tests.Support;

/// <summary>
/// A real <c>vigil serve</c> (<see cref="VigilServerApplication"/>) on 127.0.0.1 with free ports, over a real SQLite
/// store in a temp folder. Tests write through the server's own store and read it back as the second source.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private DashboardServer(TempDirectory directory, VigilServerApplication app)
    {
        _directory = directory;
        App = app;
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TaskTimeouts.Default };
    }

    public VigilServerApplication App { get; }

    /// <summary>The query port, where the dashboard is.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{App.Port(VigilServerListener.Query)}");

    /// <summary>The OTLP/HTTP receiver.</summary>
    public Uri OtlpHttpAddress => new($"http://127.0.0.1:{App.Port(VigilServerListener.OtlpHttp)}");

    public HttpClient Client { get; }

    public ITelemetryStore Store => App.Services.GetRequiredService<ITelemetryStore>();

    public static async Task<DashboardServer> StartAsync(string? apiKey = null)
    {
        var directory = new TempDirectory();
        var app = VigilServerApplication.Create(new VigilServerOptions
        {
            StorePath = directory.Combine("vigil.db"),
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            ApiKey = apiKey,
        });
        await app.StartAsync().DefaultTimeout();
        return new DashboardServer(directory, app);
    }

    /// <summary>The dashboard address of a state: "/?view=logs&amp;grep=x".</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).ToString();

    public Task WriteAsync(TelemetryBatch batch) => Store.WriteAsync(batch).DefaultTimeout();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        _directory.Dispose();
    }
}
