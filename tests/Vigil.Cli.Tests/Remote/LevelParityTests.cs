using System.Net;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Server.Configuration;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// The CLI's <c>--level</c>, the query API's <c>level</c> (a real request to the server) and the server
/// configuration's <c>Errors:MinimumLogLevel</c> accept the same names and read them as the same severity:
/// before they shared one grammar the CLI took <c>verbose</c> and the others refused it.
/// </summary>
public sealed class LevelParityTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private readonly TempStore _store = new();
    private readonly HttpClient _http = new() { Timeout = s_timeout };
    private LoopbackServer? _server;

    public static TheoryData<string> Names { get; } = new()
    {
        "trace", "trc", "verbose", "debug", "dbg", "info", "inf", "information", "warn", "wrn", "warning",
        "error", "err", "fail", "fatal", "ftl", "critical", "crit", "VERBOSE", "Warning",
        "none", "loud", "warnings", "ınfo",
    };

    public async Task InitializeAsync()
    {
        await _store.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Some.Log("chatter", CliHarness.Now.AddMinutes(-4), severity: 1),
                Some.Log("noted", CliHarness.Now.AddMinutes(-3), severity: 9),
                Some.Log("declined", CliHarness.Now.AddMinutes(-2), severity: 17),
            ],
        });
        _server = await LoopbackServer.StartAsync(_store.Path, clock: new CliHarness().Clock);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Level_CliApiAndServerConfiguration_AgreeOnTheName(string name)
    {
        // Act
        var cli = await new CliHarness().RunAsync("logs", "--level", name, "--json", "--server", _server!.Url).WaitAsync(s_timeout);
        using var api = await _http.GetAsync(new Uri($"{_server.Url}/api/logs?level={Uri.EscapeDataString(name)}")).WaitAsync(s_timeout);
        var apiBody = await api.Content.ReadAsStringAsync().WaitAsync(s_timeout);
        int? configured;
        try
        {
            configured = ServerConfigurationLoader.Parse($$"""{ "Errors": { "MinimumLogLevel": "{{name}}" } }""", "t").ErrorTracking.MinimumLogSeverity;
        }
        catch (ServerConfigurationException)
        {
            configured = null;
        }

        // Assert: all three accept it, or all three refuse it.
        var accepted = configured is not null;
        Assert.Equal(accepted, cli.ExitCode is 0 or 3);
        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, api.StatusCode);
        if (accepted)
        {
            // The same severity: the records at or above it, seen the same through the CLI and the API.
            var lines = cli.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var expected = new[] { ("chatter", 1), ("noted", 9), ("declined", 17) }.Count(r => r.Item2 >= configured);
            Assert.Equal(expected, lines.Length);
            Assert.Equal(expected, CountOccurrences(apiBody, "\"body\""));
        }
        else
        {
            Assert.Contains("is not a level", cli.Stderr, StringComparison.Ordinal);
            Assert.Contains("is not a level", apiBody, StringComparison.Ordinal);
        }
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
