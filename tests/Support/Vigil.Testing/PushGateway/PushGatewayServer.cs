using System.Diagnostics;
using System.Text;

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
    private readonly Process _process;
    private readonly HttpClient _http;

    private PushGatewayServer(TempDirectory directory, Process process, Uri endpoint)
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
        var start = new ProcessStartInfo(Binary, [$"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"])
        {
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus-pushgateway did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new PushGatewayServer(directory, process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    if (process.HasExited)
                    {
                        lock (output)
                        {
                            throw new InvalidOperationException($"prometheus-pushgateway exited with {process.ExitCode}: {output}");
                        }
                    }

                    try
                    {
                        using var ready = await server._http.GetAsync(new Uri("/-/ready", UriKind.Relative)).ConfigureAwait(false);
                        return ready.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                "prometheus-pushgateway answers /-/ready").ConfigureAwait(false);
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _directory.Dispose();
    }
}
