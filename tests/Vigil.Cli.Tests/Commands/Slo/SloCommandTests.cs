using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Slo;

/// <summary>
/// <c>vigil slo</c> over a real store file and a real configuration file. Every number shown is checked against the
/// spans written: 4,000 good spans over the 30 days before the last hour, then one span every 3.6 s in the last hour,
/// two of which failed (36 s and 36 minutes ago).
/// </summary>
public sealed class SloCommandTests : IDisposable
{
    private const string Config = """
        {
          "Alerts": {
            "Slos": [
              { "Name": "checkout", "Service": "shop", "Objective": 99.9, "Indicator": { "Kind": "spanErrors" } },
              { "Name": "idle", "Service": "nobody", "Objective": 99, "Window": "7d", "Indicator": { "Kind": "spanLatency", "SlowerThan": "300ms" } }
            ]
          }
        }
        """;

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();
    private readonly TempDirectory _directory = new();
    private readonly List<SpanEntry> _spans = [];

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Slo_KnownTraffic_ShowsAttainmentBudgetAndBurnRatesOfTheSpans()
    {
        // Arrange
        await WriteTrafficAsync();

        // Act
        var run = await _cli.RunAsync("slo", "--store", _store.Path, "--config", WriteConfig(Config));

        // Assert: 2 failures in 5,000 spans: 99.96 % attained, 40 % of the 0.1 % budget spent.
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^SLO\s+SERVICE\s+OBJECTIVE\s+WINDOW\s+ATTAINMENT\s+BUDGET LEFT\s+INDICATOR$", lines[0]);
        Assert.Matches(@"^checkout\s+shop\s+99\.9%\s+30d\s+99\.96%\s+60%\s+server spans of shop without error status$", lines[1]);
        Assert.Matches(@"^idle\s+nobody\s+99%\s+7d\s+no traffic\s+no traffic\s+server spans of nobody no slower than 300ms$", lines[2]);
        Assert.Matches(@"^SLO\s+SEVERITY\s+ABOVE\s+LONG\s+BURN\s+SHORT\s+BURN\s+STATE$", lines[3]);

        // 1 h: 2 of 1,000 (burn 2); 5 m: 1 of 83 (burn 12.05); the rest as the spans say.
        Assert.Matches(@"^checkout\s+page\s+14\.4×\s+1h\s+2×\s+5m\s+12\.05×\s+ok$", lines[4]);
        Assert.Matches($@"^checkout\s+page\s+6×\s+6h\s+{Burn(TimeSpan.FromHours(6))}\s+30m\s+2×\s+ok$", lines[5]);
        Assert.Matches($@"^checkout\s+ticket\s+1×\s+3d\s+{Burn(TimeSpan.FromDays(3))}\s+6h\s+{Burn(TimeSpan.FromHours(6))}\s+burning$", lines[6]);
        Assert.Matches(@"^idle\s+page\s+14\.4×\s+1h\s+-\s+5m\s+-\s+no traffic$", lines[7]);
        Assert.Equal(10, lines.Length);
    }

    [Fact]
    public async Task Slo_Json_GivesTheUnroundedNumbersOfTheSpans()
    {
        // Arrange
        await WriteTrafficAsync();

        // Act
        var run = await _cli.RunAsync("slo", "--store", _store.Path, "--config", WriteConfig(Config), "--json");

        // Assert: the query API's ApiSlo, one per line, as `vigil slo --server` and GET /api/slos give it.
        Assert.Equal(0, run.ExitCode);
        var slos = Lines(run.Stdout);
        Assert.Equal(2, slos.Count);
        Assert.All(slos, slo => Assert.Equal(CliHarness.Now, slo.GetProperty("evaluatedAt").GetDateTimeOffset()));
        var checkout = slos[0];
        Assert.Equal("checkout", checkout.GetProperty("name").GetString());
        Assert.Equal(0.999, checkout.GetProperty("objective").GetDouble(), 12);
        Assert.Equal(Count(TimeSpan.FromDays(30)), (checkout.GetProperty("good").GetDouble(), checkout.GetProperty("total").GetDouble()));
        Assert.Equal(0.9996, checkout.GetProperty("attainment").GetDouble(), 12);
        Assert.Equal(0.6, checkout.GetProperty("budgetRemaining").GetDouble(), 9);
        foreach (var alert in checkout.GetProperty("alerts").EnumerateArray())
        {
            foreach (var side in new[] { "longWindow", "shortWindow" })
            {
                var window = alert.GetProperty(side);
                var length = TimeSpan.Parse(window.GetProperty("length").GetString()!, CultureInfo.InvariantCulture);
                var (good, total) = Count(length);
                Assert.Equal((good, total), (window.GetProperty("good").GetDouble(), window.GetProperty("total").GetDouble()));
                Assert.Equal((total - good) / total / 0.001, window.GetProperty("burnRate").GetDouble(), 6);
            }
        }

        var idle = slos[1];
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("attainment").ValueKind);
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("budgetRemaining").ValueKind);
        Assert.All(idle.GetProperty("alerts").EnumerateArray(), a => Assert.False(a.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Slo_Name_ShowsOnlyThatSloAndUnknownNameExitsThree()
    {
        // Arrange
        await WriteTrafficAsync();
        var config = WriteConfig(Config);

        // Act
        var one = await _cli.RunAsync("slo", "--store", _store.Path, "--config", config, "--name", "IDLE", "--json");
        var none = await _cli.RunAsync("slo", "--store", _store.Path, "--config", config, "--name", "nope");

        // Assert
        Assert.Equal(0, one.ExitCode);
        Assert.Equal("idle", Assert.Single(Lines(one.Stdout)).GetProperty("name").GetString());
        Assert.Equal(3, none.ExitCode);
        Assert.Contains("no SLO is named 'nope'", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slo_NoOrBadOrEmptyConfiguration_ExitsOneSayingWhatToDo()
    {
        // Arrange
        await _store.CreateAsync();
        _cli.CurrentDirectory = _directory.Path;
        var bad = WriteConfig("""{ "Alerts": { "Slos": [ { "Name": "x", "Service": "shop", "Objective": 100, "Indicator": { "Kind": "spanErrors" } } ] } }""");
        var empty = _directory.Combine("empty.json");
        File.WriteAllText(empty, "{}");

        // Act
        var missing = await _cli.RunAsync("slo", "--store", _store.Path);
        var wrong = await _cli.RunAsync("slo", "--store", _store.Path, "--config", bad);
        var nothing = await _cli.RunAsync("slo", "--store", _store.Path, "--config", empty);

        // Assert
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--config: no configuration file", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("Alerts:Slos:0:Objective", wrong.Stderr, StringComparison.Ordinal);
        Assert.Contains("no error budget", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, nothing.ExitCode);
        Assert.Contains("declares no SLOs", nothing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slo_MissingStore_ExitsTwo()
    {
        // Act
        var run = await _cli.RunAsync("slo", "--store", _directory.Combine("absent.db"), "--config", WriteConfig(Config));

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task Slo_TheDocsExample_IsAValidConfigurationOfFourSlos()
    {
        // Arrange: the first json block of docs/slo.md, as a user would save it.
        var root = typeof(SloCommandTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var docs = File.ReadAllText(Path.Combine(root, "docs", "slo.md"));
        var start = docs.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        var json = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        await _store.CreateAsync();

        // Act
        var run = await _cli.RunAsync("slo", "--store", _store.Path, "--config", WriteConfig(json), "--json");

        // Assert
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(
            ["shop-availability", "shop-latency", "shop-orders-paid", "shop-fast-requests"],
            Lines(run.Stdout).Select(s => s.GetProperty("name").GetString()));
    }

    private async Task WriteTrafficAsync()
    {
        var now = CliHarness.Now;
        var month = TimeSpan.FromDays(30);
        var step = (month - TimeSpan.FromHours(1)) / 4000;
        for (var i = 0; i < 4000; i++)
        {
            _spans.Add(Span(i + 1, now - month + (step * i), error: false));
        }

        for (var k = 1; k <= 1000; k++)
        {
            _spans.Add(Span(10_000 + k, now - TimeSpan.FromMilliseconds(3600 * k), error: k is 10 or 600));
        }

        await _store.WriteSpansAsync([.. _spans]);
    }

    private static SpanEntry Span(int n, DateTimeOffset start, bool error) => new()
    {
        TraceId = n.ToString("x32", CultureInfo.InvariantCulture),
        SpanId = n.ToString("x16", CultureInfo.InvariantCulture),
        Name = "POST /checkout",
        Kind = SpanKind.Server,
        StartTime = start,
        EndTime = start + TimeSpan.FromMilliseconds(20),
        StatusCode = error ? SpanStatusCode.Error : SpanStatusCode.Ok,
        Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, "shop")] },
    };

    /// <summary>The second source: good and total spans of a window, counted from the written list.</summary>
    private (double Good, double Total) Count(TimeSpan window)
    {
        var inWindow = _spans.Where(s => s.StartTime >= CliHarness.Now - window && s.StartTime < CliHarness.Now).ToList();
        return (inWindow.Count(s => s.StatusCode != SpanStatusCode.Error), inWindow.Count);
    }

    private string Burn(TimeSpan window)
    {
        var (good, total) = Count(window);
        return System.Text.RegularExpressions.Regex.Escape(((total - good) / total / 0.001).ToString("0.##", CultureInfo.InvariantCulture) + "×");
    }

    /// <summary>One JSON object per line: each parsed and cloned, so it outlives its document.</summary>
    private static List<JsonElement> Lines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];

    private string WriteConfig(string json)
    {
        var path = _directory.Combine($"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
