using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Absence;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>The absence kind on a real SQLite store: a dead heartbeat fires, a live one does not.</summary>
public sealed class AbsenceConditionTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = ConditionHarness.Now;
    private readonly ConditionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static AlertRuleOptions Rule(string? service, string? metric = null, string? window = "5m", string? lookBack = null) =>
        new() { Name = "Heartbeat", Kind = "absence", Absence = new AbsenceRuleOptions { Service = service, Metric = metric, Window = window, LookBack = lookBack } };

    [Fact]
    public async Task Evaluate_ServiceSilentLongerThanTheWindow_FiresWithWhenItWasLastSeen()
    {
        await _harness.WriteAsync(new TelemetryBatch { Logs = [new LogEntry { Timestamp = Now.AddMinutes(-7), Body = "tick", Resource = ConditionHarness.Resource("worker") }] });

        var sample = Assert.Single(await _harness.EvaluateAsync(Rule("worker")));

        Assert.True(sample.IsActive);
        Assert.Equal(420, sample.Value);
        Assert.Equal(300, sample.Threshold);
        Assert.Equal("worker", sample.Labels["service"]);
        Assert.Equal("service worker last seen 2026-06-01T11:53:00.000Z (7m ago)", sample.Evidence.Detail);
    }

    [Fact]
    public async Task Evaluate_ServiceSeenInsideTheWindow_DoesNotFire()
    {
        await _harness.WriteAsync(new TelemetryBatch
        {
            Logs = [new LogEntry { Timestamp = Now.AddMinutes(-9), Body = "tick", Resource = ConditionHarness.Resource("worker") }],
            Spans = [new SpanEntry { TraceId = new string('a', 32), SpanId = new string('b', 16), Name = "job", StartTime = Now.AddSeconds(-90), EndTime = Now.AddSeconds(-89), Resource = ConditionHarness.Resource("worker") }],
        });

        var sample = Assert.Single(await _harness.EvaluateAsync(Rule("worker")));

        Assert.False(sample.IsActive);
        Assert.Equal(90, sample.Value);
    }

    [Fact]
    public async Task Evaluate_NeverSeen_FiresWithTheLookBackAsItsValue()
    {
        var sample = Assert.Single(await _harness.EvaluateAsync(Rule("ghost", lookBack: "2h")));

        Assert.True(sample.IsActive);
        Assert.Equal(7200, sample.Value);
        Assert.Equal("service ghost not seen in the last 2h", sample.Evidence.Detail);
    }

    [Fact]
    public async Task Evaluate_Metric_WatchesItsPointsOnly()
    {
        var series = new MetricSeriesInfo { Name = "jobs.done", Kind = MetricKind.Gauge, Resource = ConditionHarness.Resource("worker") };
        await _harness.WriteAsync(new TelemetryBatch
        {
            MetricPoints = [new MetricPoint { Series = series, Timestamp = Now.AddMinutes(-12), Value = 1 }],
            Logs = [new LogEntry { Timestamp = Now.AddMinutes(-1), Body = "still logging", Resource = ConditionHarness.Resource("worker") }],
        });

        var metric = Assert.Single(await _harness.EvaluateAsync(Rule(null, "jobs.done", "10m")));
        var service = Assert.Single(await _harness.EvaluateAsync(Rule("worker", window: "10m")));

        Assert.True(metric.IsActive);
        Assert.Equal(720, metric.Value);
        Assert.Equal("jobs.done", metric.Labels["metric"]);
        Assert.False(metric.Labels.ContainsKey("service"));
        Assert.False(service.IsActive);
    }

    [Theory]
    [InlineData(null, null, null, null, "Alerts:Rules:0:Absence", "give a Service, a Metric, or both")]
    [InlineData("worker", null, "-5m", null, "Alerts:Rules:0:Absence:Window", "a number and a unit")]
    [InlineData("worker", null, "1h", "10m", "Alerts:Rules:0:Absence:LookBack", "at least as far as the window")]
    [InlineData("worker", null, "5m", "90d", "Alerts:Rules:0:Absence:LookBack", "from 1s to 30d")]
    public void Validate_BadFields_NameTheFieldAndWhatIsAllowed(string? service, string? metric, string? window, string? lookBack, string path, string allowed)
    {
        var problem = Assert.Single(ConditionHarness.Validate(Rule(service, metric, window, lookBack)));

        Assert.Equal(path, problem.Path);
        Assert.Contains(allowed, problem.Message, StringComparison.Ordinal);
    }
}
