namespace Vigil.Testing.PushGateway;

/// <summary>
/// A real Prometheus Pushgateway (Debian's <c>prometheus-pushgateway</c>, installed by scripts/prerequisites.sh) for one
/// test class: listening on a free loopback port only, persisting nowhere (its temporary directory is its working
/// directory), killed on dispose. Read back over its own <c>GET /metrics</c>.
/// </summary>
public sealed class PushGatewayServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus-pushgateway";

    private readonly TempDirectory _directory;
    private readonly ServerProcess _process;
    private readonly HttpClient _http;

    private PushGatewayServer(TempDirectory directory, ServerProcess process, Uri endpoint)
    {
        _directory = directory;
        _process = process;
        Endpoint = endpoint;
        _http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The gateway's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public Uri Endpoint { get; }

    public static async Task<PushGatewayServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            // A clear failure, never a silent skip.
            throw new InvalidOperationException("prometheus-pushgateway was not found: install Debian's prometheus-pushgateway package with `bash scripts/prerequisites.sh`.");
        }

        var directory = new TempDirectory();
        var port = LoopbackPorts.Free();
        var process = ServerProcess.Start(Binary, [$"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"], directory.Path);
        var server = new PushGatewayServer(directory, process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await process.WaitUntilReadyAsync(server._http, "/-/ready", r => r.IsSuccessStatusCode).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The gateway's own exposition: every pushed group's metrics with their grouping labels, and its own.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var response = await _http.GetAsync(new Uri("/metrics", UriKind.Relative)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    }

    /// <summary>The samples of the scrape whose name is <paramref name="name"/> and whose labels include every one of <paramref name="labels"/>.</summary>
    public async Task<IReadOnlyList<PushGatewaySample>> SamplesAsync(string name, params (string Name, string Value)[] labels)
    {
        var text = await ScrapeAsync().ConfigureAwait(false);
        return [.. PushGatewaySample.Parse(text).Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value))];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync().ConfigureAwait(false);
        _directory.Dispose();
    }
}
