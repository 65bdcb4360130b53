using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vigil.AspNetCore.Tests;

/// <summary>A real Kestrel app on 127.0.0.1 with a free port, its health checks and Vigil's health endpoints.</summary>
internal sealed class HealthApp : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;

    private HealthApp(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<HealthApp> StartAsync(Action<IHealthChecksBuilder> addChecks, string pattern = "/health", Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configureServices?.Invoke(builder.Services);
        addChecks(builder.Services.AddHealthChecks());
        var app = builder.Build();
        app.MapVigilHealthChecks(pattern);
        await app.StartAsync().WaitAsync(Timeout);
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = Timeout };
        return new HealthApp(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync().WaitAsync(Timeout);
        await _app.DisposeAsync();
    }
}
