using System.Text.Json;
using Vigil.Cli.Commands.Health;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Health;

/// <summary><c>vigil health --history</c> on a real store file, each figure checked against the results written.</summary>
public sealed class HealthHistoryTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();
    private readonly List<HealthResult> _written = [];

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task History_Text_CountsAndStripOldestFirstMatchTheResultsWritten()
    {
        // Arrange: database healthy, degraded twice, then healthy; payments-api unhealthy once among healthy ones.
        await WriteAsync();

        // Act
        var run = await _cli.RunAsync("health", "--history", "--store", _store.Path);

        // Assert: the strip is the results in the range, oldest first, one mark each.
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^KIND\s+SERVICE\s+NAME\s+RESULTS\s+HEALTHY\s+DEGRADED\s+UNHEALTHY\s+HISTORY \(oldest first\)$", lines[0]);
        foreach (var (name, line) in new[] { ("database", lines[1]), ("payments-api", lines[2]) })
        {
            var results = InRange(name).OrderBy(r => r.Timestamp).ToList();
            var strip = new string([.. results.Select(r => HealthHistoryOutput.Mark(r.Status))]);
            var counts = $@"\s+{results.Count}\s+{results.Count(r => r.Status == HealthStatus.Healthy)}\s+{results.Count(r => r.Status == HealthStatus.Degraded)}\s+{results.Count(r => r.Status == HealthStatus.Unhealthy)}\s+";
            Assert.Matches($"{name}{counts}{System.Text.RegularExpressions.Regex.Escape(strip)}$", line);
        }

        Assert.Contains("..dd.", lines[1], StringComparison.Ordinal);
        Assert.Contains("..X..", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_Json_NewestFirstWithinSinceAndLimit()
    {
        await WriteAsync();

        var run = await _cli.RunAsync("health", "--history", "--since", "30m", "--limit", "3", "--name", "database", "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = json.RootElement;
        Assert.Equal("database", root.GetProperty("name").GetString());
        var expected = _written.Where(r => r.Name == "database" && r.Timestamp >= CliHarness.Now.AddMinutes(-30)).OrderByDescending(r => r.Timestamp).Take(3).ToList();
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(expected.Select(r => r.Timestamp), results.Select(r => r.GetProperty("timestamp").GetDateTimeOffset()));
        Assert.Equal(expected.Select(r => r.Status.ToString().ToLowerInvariant()), results.Select(r => r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task History_NothingInRange_SaysSoAndExitsZero()
    {
        await HealthSamples.WriteAsync(_store, HealthSamples.Result("database", HealthStatus.Healthy, CliHarness.Now.AddDays(-2)));

        var run = await _cli.RunAsync("health", "--history", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no health results in the range", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--name", "only applies with --history", "health", "--name", "database")]
    [InlineData("--since", "only applies with --history", "health", "--since", "1h")]
    [InlineData("--history", "--watch", "health", "--history", "--watch")]
    [InlineData("--limit", "greater than zero", "health", "--history", "--limit", "0")]
    public async Task History_BadArguments_UsageErrorNamingThem(string argument, string fragment, params string[] args)
    {
        var run = await _cli.RunAsync([.. args, "--store", "/nonexistent/vigil.db"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(argument, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(fragment, run.Stderr, StringComparison.Ordinal);
    }

    private IEnumerable<HealthResult> InRange(string name) =>
        _written.Where(r => r.Name == name && r.Timestamp >= CliHarness.Now - HealthCommand.DefaultHistoryRange);

    private Task WriteAsync()
    {
        var now = CliHarness.Now;
        HealthStatus[] database = [HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Degraded, HealthStatus.Healthy];
        HealthStatus[] payments = [HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Healthy, HealthStatus.Healthy];
        // One result two hours back, outside the default hour; then one every ten minutes.
        _written.Add(HealthSamples.Result("database", HealthStatus.Unhealthy, now.AddHours(-2)));
        for (var i = 0; i < 5; i++)
        {
            _written.Add(HealthSamples.Result("database", database[i], now.AddMinutes(-50 + (10 * i))));
            _written.Add(HealthSamples.Result("payments-api", payments[i], now.AddMinutes(-49 + (10 * i)), HealthSourceKind.Probe, service: "vigil"));
        }

        return HealthSamples.WriteAsync(_store, [.. _written]);
    }
}
