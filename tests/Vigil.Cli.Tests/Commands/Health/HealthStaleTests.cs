using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Health;

/// <summary>A check or probe that stopped reporting is stale: shown as such, and never "healthy" to a script.</summary>
public sealed class HealthStaleTests : IDisposable
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(30);

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Health_LastHealthyButSilentForThreeIntervals_ExitsTwoShowingStale()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("payments", HealthStatus.Healthy, CliHarness.Now.AddMinutes(-4), description: "connected", interval: s_interval));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"check\s+orders\s+payments\s+stale\s+4m\s+4m ago\s+12\.5ms\s+no result for 4m \(last: healthy\)\r?\n", run.Stdout);
        Assert.Equal("unhealthy  3 healthy, 0 degraded, 0 unhealthy, 1 stale", run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(91, 2)]
    public async Task Health_ThreeIntervalsExactly_NotYetStale(int silentSeconds, int exitCode)
    {
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("payments", HealthStatus.Healthy, CliHarness.Now.AddSeconds(-silentSeconds), interval: s_interval));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public async Task Health_StaleJson_StatusUnhealthyStaleTrueAndLastStatusKept()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("payments", HealthStatus.Degraded, CliHarness.Now.AddMinutes(-4), interval: s_interval));

        var run = await _cli.RunAsync("health", "--json", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        var states = json.RootElement.GetProperty("states").EnumerateArray().ToList();
        var payments = states.Single(s => s.GetProperty("name").GetString() == "payments");
        Assert.Equal("unhealthy", payments.GetProperty("status").GetString());
        Assert.True(payments.GetProperty("stale").GetBoolean());
        Assert.Equal("degraded", payments.GetProperty("lastStatus").GetString());
        Assert.Equal(30_000, payments.GetProperty("intervalMs").GetDouble());
        var database = states.Single(s => s.GetProperty("name").GetString() == "database");
        Assert.False(database.GetProperty("stale").GetBoolean());
        Assert.Equal("healthy", database.GetProperty("lastStatus").GetString());
        Assert.Equal(JsonValueKind.Null, database.GetProperty("intervalMs").ValueKind);
    }

    [Theory]
    [InlineData("10m", 0)]
    [InlineData("4m", 0)]
    [InlineData("3m59s", 2)]
    [InlineData("30s", 2)]
    public async Task Health_StaleAfter_ReplacesTheRuleEvenWithoutInterval(string staleAfter, int exitCode)
    {
        // No interval: by the rule this check is never stale; --stale-after judges it anyway.
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("payments", HealthStatus.Healthy, CliHarness.Now.AddMinutes(-4)));

        var run = await _cli.RunAsync("health", "--stale-after", staleAfter, "--store", _store.Path);

        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal(exitCode == 2, run.Stdout.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_NoResultForADay_ForgottenNotStale()
    {
        await HealthSamples.WriteHealthyAsync(_store, HealthSamples.Result("renamed", HealthStatus.Healthy, CliHarness.Now - HealthStaleness.ForgetAfter - TimeSpan.FromSeconds(1), interval: s_interval));

        var run = await _cli.RunAsync("health", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("renamed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_StaleOnTerminal_StyledAsUnhealthy()
    {
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("payments", HealthStatus.Healthy, CliHarness.Now.AddMinutes(-4), interval: s_interval));
        _cli.Terminal = true;

        var run = await _cli.RunAsync("health", "--store", _store.Path);
        var unhealthy = await _cli.RunAsync("health", "--store", _store.Path, "--stale-after", "1h");

        Assert.Equal(2, run.ExitCode);
        var style = System.Text.RegularExpressions.Regex.Match(run.Stdout, "(\u001b\\[[0-9;]*m)stale").Groups[1].Value;
        Assert.NotEmpty(style);
        Assert.Contains(style + "unhealthy", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, unhealthy.ExitCode);
    }

    [Theory]
    [InlineData("not a duration", "often")]
    [InlineData("zero", "0s")]
    [InlineData("negative", "-1m")]
    [InlineData("not a duration", "5")]
    [InlineData("too long", "99999999999999w")]
    [InlineData("required", "")]
    public async Task Health_BadStaleAfter_ExitsOneNamingTheOption(string expectedFragment, string value)
    {
        await HealthSamples.WriteHealthyAsync(_store);

        var run = await _cli.RunAsync("health", "--stale-after", value, "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--stale-after", line, StringComparison.Ordinal);
        Assert.Contains(expectedFragment, line, StringComparison.Ordinal);
    }
}
