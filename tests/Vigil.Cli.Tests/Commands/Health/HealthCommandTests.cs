using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Health;

public sealed class HealthCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Health_AllHealthy_ExitsZeroWithRowPerCheckAndProbe()
    {
        await HealthSamples.WriteHealthyAsync(_store);

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^KIND\s+SERVICE\s+NAME\s+STATUS\s+FOR\s+LAST\s+TOOK\s+DESCRIPTION$", lines[0]);
        Assert.Matches(@"^check\s+billing\s+cache\s+healthy\s+15s\s+15s ago\s+12\.5ms\s+-$", lines[1]);
        Assert.Matches(@"^check\s+orders\s+database\s+healthy\s+30m\s+20s ago\s+12\.5ms\s+connected$", lines[2]);
        Assert.Matches(@"^probe\s+vigil\s+orders-http\s+healthy", lines[3]);
        Assert.Equal("healthy  3 healthy, 0 degraded, 0 unhealthy", lines[4]);
        Assert.Empty(run.Stderr);
    }

    [Theory]
    [InlineData(HealthStatus.Degraded, 1, "degraded")]
    [InlineData(HealthStatus.Unhealthy, 2, "unhealthy")]
    public async Task Health_AnyWorse_ExitCodeIsWorstStatus(HealthStatus status, int exitCode, string word)
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("disk", status, CliHarness.Now.AddMinutes(-3), description: "92% full\nsecond line"));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Matches($@"check\s+orders\s+disk\s+{word}\s+3m\s+3m ago\s+12\.5ms\s+92% full\r?\n", run.Stdout);
        Assert.StartsWith(word, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_DegradedAndUnhealthy_ExitsTwo()
    {
        var now = CliHarness.Now;
        await HealthSamples.WriteAsync(
            _store,
            HealthSamples.Result("disk", HealthStatus.Degraded, now.AddMinutes(-1)),
            HealthSamples.Result("queue", HealthStatus.Unhealthy, now.AddMinutes(-1)));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("unhealthy  0 healthy, 1 degraded, 1 unhealthy", run.Stdout.TrimEnd());
    }

    [Fact]
    public async Task Health_StatusChanged_ForCountsFromTheChange()
    {
        var now = CliHarness.Now;
        await HealthSamples.WriteAsync(
            _store,
            HealthSamples.Result("database", HealthStatus.Healthy, now.AddHours(-2)),
            HealthSamples.Result("database", HealthStatus.Unhealthy, now.AddMinutes(-45)),
            HealthSamples.Result("database", HealthStatus.Unhealthy, now.AddSeconds(-10), description: "timeout"));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"database\s+unhealthy\s+45m\s+10s ago\s+12\.5ms\s+timeout", run.Stdout);
    }

    [Theory]
    [InlineData(29_480, "29s")]
    [InlineData(192_700, "3m12s")]
    [InlineData(400, "0s")]
    public async Task Health_StateHeldPartOfASecond_ForIsWholeSeconds(int heldMilliseconds, string expected)
    {
        var since = CliHarness.Now.AddMilliseconds(-heldMilliseconds);
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("database", HealthStatus.Healthy, since));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Matches($@"database\s+healthy\s+{expected}\s", run.Stdout);
    }

    [Fact]
    public async Task Health_ProbeFailedUnderThreshold_StaysHealthyAndSaysWhatItSaw()
    {
        await HealthSamples.WriteAsync(
            _store,
            HealthSamples.Result("api", HealthStatus.Healthy, CliHarness.Now.AddSeconds(-3), HealthSourceKind.Probe, "vigil", "connection refused", HealthStatus.Unhealthy));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"probe\s+vigil\s+api\s+healthy.*last attempt unhealthy: connection refused", run.Stdout);
    }

    [Fact]
    public async Task Health_EmptyStore_ExitsZeroWithNoteOnStderr()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("healthy  (no health checks or probes recorded)", run.Stdout.TrimEnd());
        Assert.Contains("No health checks or probes recorded yet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_MissingStore_ExitsTwoNamingThePath()
    {
        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains(_store.Path, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_store.Path));
    }

    [Theory]
    [InlineData(new[] { "--service", "billing" }, "cache")]
    [InlineData(new[] { "--kind", "probe" }, "orders-http")]
    [InlineData(new[] { "--kind", "checks", "--service", "orders" }, "database")]
    public async Task Health_Filter_OnlyMatchingStates(string[] filter, string expectedName)
    {
        await HealthSamples.WriteHealthyAsync(_store);

        var run = await _cli.RunAsync(["health", "--json", "--store", _store.Path, .. filter]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var state = Assert.Single(json.RootElement.GetProperty("states").EnumerateArray());
        Assert.Equal(expectedName, state.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_FilterExcludesTheUnhealthyOne_ExitsZero()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("queue", HealthStatus.Unhealthy, CliHarness.Now.AddMinutes(-1)));

        var run = await _cli.RunAsync("health", "--service", "billing", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Health_Json_OneDocumentParsedBack()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("disk", HealthStatus.Degraded, CliHarness.Now.AddMinutes(-3), description: "92% full"));

        var run = await _cli.RunAsync("health", "--json", "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("degraded", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());
        Assert.Equal(CliHarness.Now, root.GetProperty("time").GetDateTimeOffset());
        var states = root.GetProperty("states").EnumerateArray().ToList();
        Assert.Equal(4, states.Count);
        var disk = states.Single(s => s.GetProperty("name").GetString() == "disk");
        Assert.Equal("check", disk.GetProperty("kind").GetString());
        Assert.Equal("orders", disk.GetProperty("service").GetString());
        Assert.Equal("degraded", disk.GetProperty("status").GetString());
        Assert.Equal("degraded", disk.GetProperty("observed").GetString());
        Assert.Equal(CliHarness.Now.AddMinutes(-3), disk.GetProperty("since").GetDateTimeOffset());
        Assert.Equal(CliHarness.Now.AddMinutes(-3), disk.GetProperty("lastResult").GetDateTimeOffset());
        Assert.Equal(12.5, disk.GetProperty("durationMs").GetDouble());
        Assert.Equal("92% full", disk.GetProperty("description").GetString());
        Assert.Equal(10, disk.GetProperty("data").GetProperty("pool.size").GetInt64());
        Assert.Equal("probe", states.Single(s => s.GetProperty("name").GetString() == "orders-http").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Health_EmptyStoreJson_HealthyWithNoStates()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("health", "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("states").GetArrayLength());
    }

    [Fact]
    public async Task Health_Terminal_StatusColoured()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("queue", HealthStatus.Unhealthy, CliHarness.Now.AddMinutes(-1)));
        _cli.Terminal = true;

        var coloured = await _cli.RunAsync("health", "--store", _store.Path);
        var plain = await _cli.RunAsync("health", "--no-color", "--store", _store.Path);

        Assert.Equal(2, coloured.ExitCode);
        Assert.Matches("\u001b\\[[0-9;]*m(unhealthy)", coloured.Stdout);
        Assert.DoesNotContain("\u001b[3", plain.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--interval", "only applies with --watch", "health", "--interval", "10s")]
    [InlineData("--interval", "not a duration", "health", "--watch", "--interval", "often")]
    [InlineData("--interval", "zero", "health", "--watch", "--interval", "0s")]
    [InlineData("--interval", "negative", "health", "--watch", "--interval", "-1s")]
    [InlineData("--kind", "not a kind", "health", "--kind", "alert")]
    [InlineData("'extra'", "Unrecognized", "health", "extra")]
    public async Task Health_BadArgument_ExitsOneNotTwo(string argument, string expectedFragment, params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--store", _store.Path]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(argument, line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Help_NotesTheExitCodes()
    {
        var run = await _cli.RunAsync("health", "--help");

        Assert.Equal(0, run.ExitCode);
        // Help wraps long descriptions; compare with the line breaks folded.
        var text = System.Text.RegularExpressions.Regex.Replace(run.Stdout, @"\s+", " ");
        Assert.Contains("0 all healthy, 1 any degraded, 2 any unhealthy or stale (also 2 when the store cannot be opened)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_CheckReportedAsLogRecord_Shown()
    {
        // How the SDK (or any OTLP sender) reports a check: a log record with the vigil.health.* attributes.
        await _store.WriteLogsAsync(Some.Log("redis: timeout", CliHarness.Now.AddSeconds(-40), severity: 13, service: "cart") with
        {
            EventName = HealthLogRecord.EventName,
            Attributes =
            [
                new(HealthLogRecord.Name, "redis"),
                new(HealthLogRecord.Status, "degraded"),
                new(HealthLogRecord.DurationMilliseconds, 250.0),
                new(HealthLogRecord.Description, "redis: timeout"),
            ],
        });

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"check\s+cart\s+redis\s+degraded\s+40s\s+40s ago\s+250ms\s+redis: timeout", run.Stdout);
    }

    [Fact]
    public async Task Health_EscapeSequencesInStoredText_NeverReachTheTerminal()
    {
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("db\u001b[2J", HealthStatus.Unhealthy, CliHarness.Now.AddSeconds(-5), service: "x\u001b[31m", description: "boom\u001b]0;t\u0007"));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("boom", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.DoesNotContain('\u0007', run.Stdout);
    }
}
