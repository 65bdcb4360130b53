using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Alerts;

/// <summary><c>vigil alerts</c> and <c>vigil alerts history</c> over a real store file, checked against what the store itself answers.</summary>
public sealed class AlertsListTests : IAsyncLifetime, IDisposable
{
    private readonly TempStore _store = new();
    private AlertSample _sample = null!;

    public async Task InitializeAsync() => _sample = await AlertSample.WriteAsync(_store.Path);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Alerts_Default_FiringThenPendingAndNoResolved()
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^\s*ID\s+STATE\s+RULE\s+SINCE\s+VALUE\s+THRESHOLD\s+LABELS\s+ACK", lines[0]);
        Assert.Matches($@"^\s*{_sample.Firing}\s+firing\s+HighErrors\s+5m ago\s+12\s+5\s+service=""shop"", severity=""critical""\s+-", lines[1]);
        Assert.Matches($@"^\s*{_sample.Pending}\s+pending\s+HighErrors\s+1m ago\s+6\s+5\s+service=""cart""", lines[2]);
        Assert.DoesNotContain("Unhealthy", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_All_AddsResolved()
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--all", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Matches($@"\n\s*{_sample.Resolved}\s+resolved\s+Unhealthy\s+10m ago\s+-\s+-\s+check=""db""", run.Stdout);
    }

    [Fact]
    public async Task Alerts_Json_OneContractObjectPerAlertAsTheStoreHasThem()
    {
        // Arrange: the second source is the store itself.
        var stored = await AlertSample.ReadAsync(_store.Path, s => s.QueryAlertsAsync(new AlertQuery { States = [AlertState.Firing, AlertState.Pending, AlertState.Resolved] }));

        // Act
        var run = await new CliHarness().RunAsync("alerts", "--all", "--json", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var alerts = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize(l, ApiJson.TypeInfo<ApiAlert>())!).ToList();
        Assert.Equal(stored.Select(a => (a.Id, (int)a.State, a.RuleName, a.Value)), alerts.Select(a => (a.Id, (int)a.State, a.RuleName, a.Value)));
        Assert.Equal("shop", alerts[0].Labels["service"]);
        Assert.Contains("\"state\":\"firing\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"firedAt\":\"2026-11-23T11:55:00+00:00\"", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("service=cart", 1)]
    [InlineData("service=~\"shop|cart\"", 2)]
    [InlineData("service!=cart", 1)]
    [InlineData("team=ops", 0)]
    public async Task Alerts_Match_FiltersByLabels(string matcher, int expected)
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--match", matcher, "--json", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected, run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("service")]
    [InlineData("9x=1")]
    [InlineData("service=~\"(a\"")]
    [InlineData("service=\"open")]
    public async Task Alerts_BadMatcher_UsageErrorNamingTheGrammar(string matcher)
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--match", matcher, "--store", _store.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--match:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("name=value, name!=value, name=~regex or name!~regex", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_HugeMatcher_UsageErrorAndNoStack()
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--match", "service=" + new string('a', 5000), "--store", _store.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("longer than 1024 characters", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_NothingMatches_HintOnStderrAndSuccess()
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "--rule", "NoSuchRule", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("No alerts match.", run.Stderr.Trim());
    }

    [Fact]
    public async Task History_Default_EveryTransitionAndAttemptAsTheStoreHasThem()
    {
        // Arrange
        var transitions = await AlertSample.ReadAsync(_store.Path, s => s.QueryAlertHistoryAsync(new AlertHistoryQuery()));

        // Act
        var run = await new CliHarness().RunAsync("alerts", "history", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, transitions.Count);
        Assert.Contains("State changes (6)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Notifications (2)", run.Stdout, StringComparison.Ordinal);
        Assert.Matches($@"\n\s*10m ago\s+{_sample.Resolved}\s+Unhealthy\s+firing\s+resolved", run.Stdout);
        Assert.Matches($@"\n\s*5m ago\s+ops-webhook\s+firing\s+1\s+failed\s+{_sample.Firing}\s+HTTP 503", run.Stdout);
    }

    [Fact]
    public async Task History_RuleMatchAndSince_Filter()
    {
        // Act: HighErrors of the shop only, in the last 6 minutes: its firing, and both attempts.
        var run = await new CliHarness().RunAsync("alerts", "history", "--rule", "HighErrors", "--match", "service=shop", "--since", "6m", "--json", "--store", _store.Path);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var transition = JsonDocument.Parse(lines[0]).RootElement.GetProperty("transition").Deserialize(ApiJson.TypeInfo<ApiAlertTransition>())!;
        Assert.Equal((_sample.Firing, ApiAlertState.Pending, ApiAlertState.Firing), (transition.AlertId, transition.From, transition.To));
        Assert.All(lines[1..], l => Assert.StartsWith("{\"notification\":{", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task History_BadAlertId_UsageError()
    {
        // Act
        var run = await new CliHarness().RunAsync("alerts", "history", "--alert", "abc", "--store", _store.Path);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--alert: 'abc' is not an alert id", run.Stderr, StringComparison.Ordinal);
    }
}
