using Microsoft.Extensions.Time.Testing;
using Vigil.Alerting.Slos;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Slos;

/// <summary>
/// SLOs over server spans in a real store, with traffic whose budget consumption is known by construction: 9,000 good
/// spans over the 30 days before the last hour, then 1,000 spans in the last hour (one every 3.6 s) of which two
/// failed, one 36 s ago and one 36 minutes ago.
/// </summary>
public sealed class SloSpanEvaluationTests : IAsyncDisposable
{
    private static readonly TimeSpan s_month = TimeSpan.FromDays(30);
    private readonly SloTestStore _store = new();
    private readonly List<SpanEntry> _spans = [];
    private readonly Task _written;

    public SloSpanEvaluationTests()
    {
        _written = WriteTrafficAsync();
    }

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    private async Task WriteTrafficAsync()
    {
        var now = SloTestStore.Now;
        var baselineStep = (s_month - TimeSpan.FromHours(1)) / 9000;
        for (var i = 0; i < 9000; i++)
        {
            _spans.Add(SloTestStore.ServerSpan(i + 1, now - s_month + (baselineStep * i)));
        }

        // k = 1..1000: the span at now - 3.6 s × k; k = 10 and k = 600 failed.
        for (var k = 1; k <= 1000; k++)
        {
            _spans.Add(SloTestStore.ServerSpan(10_000 + k, now - TimeSpan.FromMilliseconds(3600 * k), error: k is 10 or 600));
        }

        // Noise an SLO of "shop" must not count: another service, a client span, and a span that starts at now.
        _spans.Add(SloTestStore.ServerSpan(20_001, now - TimeSpan.FromMinutes(1), error: true, service: "billing"));
        _spans.Add(SloTestStore.ServerSpan(20_002, now - TimeSpan.FromMinutes(1), error: true) with { Kind = SpanKind.Client });
        _spans.Add(SloTestStore.ServerSpan(20_003, now, error: true));
        await _store.WriteAsync(_spans);
    }

    [Fact]
    public async Task EvaluateAsync_KnownTraffic_AttainmentBudgetAndBurnRatesAreTheConstructedOnes()
    {
        // Arrange
        await _written;
        var slo = new SloDefinition("checkout-errors", "shop", 0.999, s_month, new SpanErrorIndicator("shop"));
        var evaluator = new SloEvaluator(_store.Sources, new FakeTimeProvider(SloTestStore.Now));

        // Act
        var status = await evaluator.EvaluateAsync(slo);

        // Assert: 2 failures in 10,000 spans spend a fifth of the 0.1 % budget.
        Assert.Equal(new SloEvents(9998, 10000), status.Events);
        Assert.Equal(0.9998, status.Attainment!.Value, 12);
        Assert.Equal(0.8, status.BudgetRemaining!.Value, 9);

        // 1 h: 2 of 1,000 = 0.2 % = burn 2. 5 m: k = 1..83, one failure. 30 m: k = 1..500 (now - 30 m itself counts), one failure.
        var page = status.Alerts[0];
        Assert.Equal(new SloEvents(998, 1000), page.LongEvents);
        Assert.Equal(2, page.LongBurnRate!.Value, 9);
        Assert.Equal(new SloEvents(82, 83), page.ShortEvents);
        Assert.Equal(1000.0 / 83, page.ShortBurnRate!.Value, 9);
        Assert.False(page.IsActive);
        var slowPage = status.Alerts[1];
        Assert.Equal(new SloEvents(499, 500), slowPage.ShortEvents);
        Assert.Equal(2, slowPage.ShortBurnRate!.Value, 9);
    }

    [Fact]
    public async Task EvaluateAsync_EveryWindow_MatchesACountOfTheWrittenSpans()
    {
        // Arrange: the second source is the span list itself, filtered as the SLO defines its events.
        await _written;
        var slo = new SloDefinition("checkout-errors", "shop", 0.999, s_month, new SpanErrorIndicator("shop"));
        var evaluator = new SloEvaluator(_store.Sources, new FakeTimeProvider(SloTestStore.Now));

        // Act
        var status = await evaluator.EvaluateAsync(slo);

        // Assert
        foreach (var alert in status.Alerts)
        {
            Assert.Equal(Expected(alert.Alert.LongWindow), alert.LongEvents);
            Assert.Equal(Expected(alert.Alert.ShortWindow), alert.ShortEvents);
            Assert.Equal(Expected(alert.Alert.LongWindow).ErrorRatio!.Value / (1 - 0.999), alert.LongBurnRate!.Value, 9);
        }

        Assert.Equal(Expected(s_month), status.Events);
    }

    [Fact]
    public async Task EvaluateAsync_SpanLatency_CountsSpansSlowerThanTheThresholdAsBad()
    {
        // Arrange: in another service, 40 spans in the last 10 minutes: durations 10 ms, 20 ms, ... 400 ms.
        await _written;
        var spans = Enumerable.Range(1, 40).Select(i => SloTestStore.ServerSpan(30_000 + i, SloTestStore.Now - TimeSpan.FromSeconds(15 * i), TimeSpan.FromMilliseconds(10 * i), service: "search"));
        await _store.WriteAsync(spans);
        var slo = new SloDefinition("search-latency", "search", 0.9, TimeSpan.FromHours(1), new SpanLatencyIndicator("search", TimeSpan.FromMilliseconds(300)), [new("page", 2, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5))]);
        var evaluator = new SloEvaluator(_store.Sources, new FakeTimeProvider(SloTestStore.Now));

        // Act
        var status = await evaluator.EvaluateAsync(slo);

        // Assert: 310 ms .. 400 ms are the 10 slow ones (300 ms is not slower than 300 ms); a 25 % bad share burns 2.5 × a 10 % budget.
        Assert.Equal(new SloEvents(30, 40), status.Events);
        Assert.Equal(2.5, status.WindowBurnRate!.Value, 9);

        // 5 m: i = 1..20 (the span at exactly now - 5 m counts), 10 ms to 200 ms, none slower than 300 ms.
        Assert.Equal(new SloEvents(20, 20), status.Alerts[0].ShortEvents);
        Assert.False(status.Alerts[0].IsActive);
    }

    [Fact]
    public async Task EvaluateAsync_NoTraffic_IsUnknownAndDoesNotAlert()
    {
        // Arrange
        await _written;
        var slo = new SloDefinition("idle", "nobody", 0.999, s_month, new SpanErrorIndicator("nobody"));
        var evaluator = new SloEvaluator(_store.Sources, new FakeTimeProvider(SloTestStore.Now));

        // Act
        var status = await evaluator.EvaluateAsync(slo);

        // Assert
        Assert.Null(status.Attainment);
        Assert.Null(status.BudgetRemaining);
        Assert.All(status.Alerts, alert => Assert.Null(alert.LongBurnRate));
        Assert.All(status.Alerts, alert => Assert.False(alert.IsActive));
    }

    private SloEvents Expected(TimeSpan window)
    {
        var from = SloTestStore.Now - window;
        var counted = _spans
            .Where(s => s.Resource.ServiceName == "shop" && s.Kind == SpanKind.Server && s.StartTime >= from && s.StartTime < SloTestStore.Now)
            .ToList();
        return new SloEvents(counted.Count(s => s.StatusCode != SpanStatusCode.Error), counted.Count);
    }
}
