using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Testing.Slo;

namespace Vigil.Cli.Tests.Commands.Slo;

/// <summary>
/// <c>vigil slo --server</c> against a real server started from a configuration file over a real store file: the
/// server's own SLOs, evaluated by it; every number checked against the spans written, over each window as it ends at
/// the answer's <c>evaluatedAt</c>.
/// </summary>
public sealed class SloServerTests : IAsyncLifetime, IDisposable
{
    private const string Config = """
        { "Alerts": { "DefaultRules": false, "Slos": [
          { "Name": "checkout", "Service": "shop", "Objective": 99, "Indicator": { "Kind": "spanErrors" } }
        ] } }
        """;

    private readonly TempDirectory _directory = new();
    private readonly SloSpans _spans = new();
    private VigilServerApplication _server = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        // 2 h ago 60 good; 20 min ago 36 good and 4 failed: far from every window's edge, so the seconds between
        // writing and evaluating move none across one.
        var now = DateTimeOffset.UtcNow;
        _spans.Add(now - TimeSpan.FromHours(2), good: 60, failed: 0);
        _spans.Add(now - TimeSpan.FromMinutes(20), good: 36, failed: 4);
        var path = _directory.Combine("vigil.db");
        await using (var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer))
        {
            await store.WriteAsync(new TelemetryBatch { Spans = [.. _spans.All] });
        }

        _directory.Write("vigil.server.json", Config);
        var file = _directory.Combine("vigil.server.json");
        _server = VigilServerApplication.Create(new VigilServerOptions
        {
            StorePath = path,
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            Alerts = ServerConfigurationLoader.Load(file).Alerts,
            ConfigurationFile = file,
        });
        await _server.StartAsync();
        _url = $"http://127.0.0.1:{_server.Port(VigilServerListener.Query)}";

        // The rule engine loads the SLOs' rules in the background once the host has started.
        using var http = new HttpClient { BaseAddress = new Uri(_url) };
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (!(await http.GetStringAsync(new Uri("api/slos", UriKind.Relative), deadline.Token)).Contains("checkout", StringComparison.Ordinal))
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Slo_Server_ShowsTheServersSloWithTheNumbersOfItsSpans()
    {
        // Act: no --config and no store file: the server's SLOs.
        var json = await new CliHarness().RunAsync("slo", "--server", _url, "--json");
        var text = await new CliHarness().RunAsync("slo", "--server", _url);

        // Assert: 4 failures in 100 spans against a 1 % budget: 96 % attained, budget overspent three times over.
        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(Assert.Single(json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var slo = document.RootElement;
        var evaluatedAt = slo.GetProperty("evaluatedAt").GetDateTimeOffset();
        var (good, total) = _spans.Count(evaluatedAt, TimeSpan.FromDays(30));
        Assert.Equal((96.0, 100.0), (good, total));
        Assert.Equal((good, total), (slo.GetProperty("good").GetDouble(), slo.GetProperty("total").GetDouble()));
        Assert.Equal(0.96, slo.GetProperty("attainment").GetDouble(), 12);
        Assert.Equal(-3, slo.GetProperty("budgetRemaining").GetDouble(), 9);
        foreach (var alert in slo.GetProperty("alerts").EnumerateArray())
        {
            var window = alert.GetProperty("longWindow");
            var (g, t) = _spans.Count(evaluatedAt, TimeSpan.Parse(window.GetProperty("length").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal((t - g) / t / 0.01, window.GetProperty("burnRate").GetDouble(), 9);
        }

        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Matches(@"(?m)^checkout\s+shop\s+99%\s+30d\s+96%\s+-300%\s+server spans of shop without error status\s*$", text.Stdout);

        // 6 h: 4 of 100 failed (burn 4, below 6); 30 m: 4 of 40 (burn 10): the page at 6× needs both.
        Assert.Matches(@"(?m)^checkout\s+page\s+6×\s+6h\s+4×\s+30m\s+10×\s+ok\s*$", text.Stdout);
        Assert.Matches(@"(?m)^checkout\s+ticket\s+1×\s+3d\s+4×\s+6h\s+4×\s+burning\s*$", text.Stdout);
    }

    [Fact]
    public async Task Slo_ServerName_ShowsThatOneAndAnUnknownOneExitsThreeWithACommandThatRuns()
    {
        // Act
        var one = await new CliHarness().RunAsync("slo", "--server", _url, "--name", "CHECKOUT", "--json");
        var none = await new CliHarness().RunAsync("slo", "--server", _url, "--name", "nope");

        // Assert
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("\"name\":\"checkout\"", one.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, none.ExitCode);
        Assert.Contains("has no SLO named 'nope'", none.Stderr, StringComparison.Ordinal);

        // The command the message names runs as printed and lists the SLOs.
        var printed = none.Stderr[(none.Stderr.IndexOf("'vigil ", StringComparison.Ordinal) + 1)..];
        var args = printed[..printed.IndexOf('\'', StringComparison.Ordinal)].Split(' ')[1..];
        var listed = await new CliHarness().RunAsync(args);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("checkout", listed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slo_ServerWithConfig_IsAUsageErrorSayingWhichSlosAreShown()
    {
        // Act
        var run = await new CliHarness().RunAsync("slo", "--server", _url, "--config", _directory.Combine("vigil.server.json"));

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--config: with --server the server's own SLOs are shown", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Slo_ServerNotListening_ExitsTwo()
    {
        // Arrange: a loopback port nothing listens on.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // Act
        var run = await new CliHarness().RunAsync("slo", "--server", $"http://127.0.0.1:{port}");

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("cannot reach the Vigil server", run.Stderr, StringComparison.Ordinal);
    }
}
