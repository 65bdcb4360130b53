using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Log;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>The log kind on a real SQLite store: counts are checked against the records written.</summary>
public sealed class LogConditionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = ConditionHarness.Now;
    private readonly ConditionHarness _harness = new();
    private readonly List<LogEntry> _written = [];

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static AlertRuleOptions Rule(LogRuleOptions log) => new() { Name = "Errors", Kind = "log", Log = log };

    /// <summary>
    /// Four writes (so several blocks per service), one record every 3 s over the last 12 minutes: the 5-minute window
    /// starts and ends inside blocks.
    /// </summary>
    private async Task WriteAsync()
    {
        for (var write = 0; write < 4; write++)
        {
            var batch = new List<LogEntry>();
            for (var i = 0; i < 60; i++)
            {
                var n = (write * 60) + i;
                batch.Add(new LogEntry
                {
                    Timestamp = Now.AddSeconds(-720 + (3 * n)),
                    SeverityNumber = n % 4 == 0 ? 17 : 9,
                    Body = n % 4 == 0 ? $"payment failed for order {n}\nat line 2" : $"order {n} placed",
                    Attributes = [new("region", n % 3 == 0 ? "eu" : "us")],
                    Resource = ConditionHarness.Resource(n % 2 == 0 ? "shop" : "cart"),
                });
            }

            await _harness.WriteAsync(new TelemetryBatch { Logs = batch });
            _written.AddRange(batch);
        }
    }

    private long Expected(Func<LogEntry, bool> matches, string? service = null, TimeSpan? window = null) =>
        _written.Count(l => l.Timestamp >= Now - (window ?? TimeSpan.FromMinutes(5)) && l.Timestamp < Now && matches(l) && (service is null || l.Resource.ServiceName == service));

    [Fact]
    public async Task Evaluate_ErrorsPerService_CountsTheWindowsMatchesAndShowsTheNewestLines()
    {
        await WriteAsync();

        var samples = await _harness.EvaluateAsync(Rule(new LogRuleOptions { Level = "error", Window = "5m", Threshold = 3 }));

        // Assert: only shop logs errors (every fourth record is even).
        var shop = Assert.Single(samples);
        Assert.Equal("shop", shop.Labels["service"]);
        Assert.Equal(Expected(l => l.SeverityNumber >= 17, "shop"), shop.Value);
        Assert.True(shop.IsActive);
        Assert.Equal(3, shop.Threshold);
        var newest = _written.Where(l => l.SeverityNumber >= 17 && l.Timestamp < Now).OrderByDescending(l => l.Timestamp).Take(LogCondition.EvidenceLines).ToList();
        Assert.Equal(newest.Count, shop.Evidence.LogLines.Count);
        Assert.Equal($"{newest[0].Timestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} ERROR shop: {newest[0].Body!.Replace('\n', ' ')}", shop.Evidence.LogLines[0]);
        Assert.All(shop.Evidence.LogLines, line => Assert.DoesNotContain('\n', line));
    }

    [Fact]
    public async Task Evaluate_TextAndAttributeFilters_CountOnlyRecordsWithBoth()
    {
        await WriteAsync();
        var log = new LogRuleOptions { Text = "placed", Window = "7m", Threshold = 1 };
        log.Where["region"] = "eu";

        var samples = await _harness.EvaluateAsync(Rule(log));

        bool Matches(LogEntry l) => l.Body!.Contains("placed", StringComparison.Ordinal) && (string?)l.Attributes[0].Value == "eu";
        Assert.Equal(["cart", "shop"], samples.Select(s => s.Labels["service"]).Order(StringComparer.Ordinal));
        foreach (var sample in samples)
        {
            Assert.Equal(Expected(Matches, sample.Labels["service"], TimeSpan.FromMinutes(7)), sample.Value);
        }
    }

    [Fact]
    public async Task Evaluate_NamedServiceWithNoMatches_GivesZeroSoThatBelowCanFire()
    {
        await WriteAsync();

        var quiet = Assert.Single(await _harness.EvaluateAsync(Rule(new LogRuleOptions { Service = "cart", Level = "error", Comparison = "<", Threshold = 1 })));
        var busy = Assert.Single(await _harness.EvaluateAsync(Rule(new LogRuleOptions { Service = "cart", Comparison = "<", Threshold = 1 })));

        Assert.Equal(0, quiet.Value);
        Assert.True(quiet.IsActive);
        Assert.Empty(quiet.Evidence.LogLines);
        Assert.Equal(Expected(_ => true, "cart"), busy.Value);
        Assert.False(busy.IsActive);
    }

    [Fact]
    public async Task Evaluate_EmptyWindow_GivesNoSampleWithoutAService()
    {
        await WriteAsync();

        var samples = await _harness.EvaluateAsync(Rule(new LogRuleOptions { Level = "error", Window = "1m" }), Now.AddHours(2));

        Assert.Empty(samples);
    }

    [Theory]
    [InlineData("Level", "loud", "trace, debug, info, warn, error or fatal")]
    [InlineData("Text", "%%%", "no letter or digit")]
    [InlineData("Window", "-1m", "a number and a unit")]
    [InlineData("Window", "5 minutes", "a number and a unit")]
    [InlineData("Comparison", "gt", ">, >=, <, <=, == or !=")]
    public void Validate_BadField_NamesTheFieldAndWhatIsAllowed(string field, string value, string allowed)
    {
        var log = new LogRuleOptions();
        typeof(LogRuleOptions).GetProperty(field)!.SetValue(log, value);

        var problem = Assert.Single(ConditionHarness.Validate(Rule(log)));

        Assert.Equal("Alerts:Rules:0:Log:" + field, problem.Path);
        Assert.Contains(allowed, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostileFilters_AreRefused()
    {
        var many = new LogRuleOptions { Text = new string('a', 5000) };
        foreach (var i in Enumerable.Range(0, 100))
        {
            many.Where["k" + i] = "v";
        }

        var control = new LogRuleOptions();
        control.Where["region"] = "eu\u001b[31m";

        var problems = ConditionHarness.Validate(Rule(many));
        var controlProblems = ConditionHarness.Validate(Rule(control));

        Assert.Equal(["Alerts:Rules:0:Log:Text", "Alerts:Rules:0:Log:Where"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Equal("Alerts:Rules:0:Log:Where:region", Assert.Single(controlProblems).Path);
        Assert.DoesNotContain('\u001b', controlProblems[0].Message);
    }
}
