using System.Net.Http.Json;
using Microsoft.Playwright;
using Vigil.Api.Contracts.V1;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class MetricsViewTests(BrowserFixture browser)
{
    private static readonly string[] s_routes = ["/orders", "/orders/{id}", "/charge", "/stock"];

    [Fact]
    public async Task Metric_SplitByAnAttribute_DrawsOneLinePerValueAsTheApiAndThePointsSay()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch { MetricPoints = Some.CounterPoints("http.server.requests", "orders", s_routes, now) });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=metrics&metric=http.server.requests&by=http.route&since=15m"));

        // What uPlot draws, what the table lists, what the API returns and what was sent: one line per route.
        var drawn = await page.Page.Locator(".chart").GetAttributeAsync("data-drawn");
        var listed = await page.Page.Locator("tr[data-series]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.series)");
        var api = await server.Client.GetFromJsonAsync("/api/metrics/http.server.requests?since=15m&by=http.route", ApiJson.TypeInfo<ApiMetricQueryResult>()).DefaultTimeout();
        Assert.Equal(s_routes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), drawn);
        Assert.Equal(s_routes.Select(r => $"http.route={r}").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(s_routes.Order(StringComparer.Ordinal), api!.Series.Select(s => s.Labels["http.route"]).Order(StringComparer.Ordinal));
        Assert.Equal("http.route", await page.Page.Locator("select[name='by']").InputValueAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Metric_CounterRate_TheTableShowsTheRateThePointsMake()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        // "/orders" rises by 10 every 10 s (1/s), "/charge" by 20 every 10 s (2/s).
        await server.WriteAsync(new TelemetryBatch { MetricPoints = Some.CounterPoints("http.server.requests", "orders", ["/orders", "/charge"], now) });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=metrics&metric=http.server.requests&by=http.route&since=15m"));

        Assert.Equal("2", await page.Page.Locator(".chart").GetAttributeAsync("data-drawn"));
        var api = await server.Client.GetFromJsonAsync("/api/metrics/http.server.requests?since=15m&by=http.route", ApiJson.TypeInfo<ApiMetricQueryResult>()).DefaultTimeout();
        double LastRate(string route) => api!.Series.Single(s => s.Labels["http.route"] == route).Buckets.Last(b => b.Rate is not null).Rate!.Value;
        Assert.Equal(Shown(LastRate("/orders")), await LatestAsync(page, "/orders"));
        Assert.Equal(Shown(LastRate("/charge")), await LatestAsync(page, "/charge"));
        // The points sent: "/charge" rises twice as fast.
        Assert.Equal(2 * LastRate("/orders"), LastRate("/charge"), 9);
        Assert.True(LastRate("/orders") > 0);
    }

    private static string Shown(double value) => Math.Round(value, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> LatestAsync(DashboardPage page, string route) =>
        (await page.Page.Locator($"tr[data-series='http.route={route}'] td").First.TextContentAsync())!.Trim();

    [Fact]
    public async Task Metrics_Index_ChartsEveryMetricAndTheSplitChoiceIsInTheUrl()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            MetricPoints = [.. Some.CounterPoints("http.server.requests", "orders", s_routes, now), .. Some.GaugePoints("orders.queue.length", "orders", now)],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=metrics"));

        var stored = await server.Store.ListMetricsAsync().DefaultTimeout();
        Assert.Equal(stored.Select(m => m.Name).Order(StringComparer.Ordinal), (await page.Page.Locator(".metric-card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.metric)")).Order(StringComparer.Ordinal));
        Assert.Equal(2, await page.Page.Locator(".metric-card .chart").CountAsync());
        // Without a split each attribute set is its own line: four routes, four lines.
        Assert.Equal("4", await page.Page.Locator(".metric-card[data-metric='http.server.requests'] .chart").GetAttributeAsync("data-drawn"));

        await page.Page.Locator(".metric-card[data-metric='orders.queue.length'] h2 a").ClickAsync();
        await page.Page.WaitForURLAsync("**metric=orders.queue.length**");
        await page.ReadyAsync();
        Assert.Equal("1", await page.Page.Locator(".chart").GetAttributeAsync("data-drawn"));
        Assert.Equal("7", (await page.Page.Locator("tr[data-series] td").First.TextContentAsync())!.Trim());

        await page.Page.GoBackAsync();
        await page.ReadyAsync();
        Assert.Equal(2, await page.Page.Locator(".metric-card").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Metric_WithExemplars_DrawsThemAndOneOpensItsTrace()
    {
        // Arrange: two stored spans, and a gauge whose points carry exemplars naming them; the series' label is markup.
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        const string Hostile = "<img src=x onerror=alert(1)>";
        var points = Some.GaugePoints("checkout.queue", "orders", now)
            .Select(p => p with { Series = p.Series with { Attributes = [new("tenant", Hostile)] } })
            .Select((p, i) => i is 1 or 3 ? p with { Exemplars = [new MetricExemplar { Timestamp = p.Timestamp, Value = p.Value!.Value, TraceId = Some.TraceId(i), SpanId = Some.SpanId(i) }] } : p)
            .ToList();
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [Some.Span(Some.TraceId(1), Some.SpanId(1), null, "checkout one", "orders", now.AddMinutes(-4), TimeSpan.FromMilliseconds(40)),
                Some.Span(Some.TraceId(3), Some.SpanId(3), null, "checkout three", "orders", now.AddMinutes(-2), TimeSpan.FromMilliseconds(90))],
            MetricPoints = points,
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        // Act
        await page.GotoAsync(server.Url("/?view=metrics&metric=checkout.queue&since=15m"));

        // Assert: as many markers as the API has exemplars, each a link to its trace, placed inside the plot, the markup text.
        var api = await server.Client.GetFromJsonAsync("/api/metric-exemplars?name=checkout.queue&since=15m", ApiJson.TypeInfo<ApiExemplars>()).DefaultTimeout();
        Assert.Equal(2, api!.Items.Count);
        Assert.Equal("2", await page.Page.Locator(".chart").GetAttributeAsync("data-exemplars"));
        var marker = page.Page.Locator($".chart a.exemplar[data-trace='{Some.TraceId(3)}']");
        await Assertions.Expect(marker).ToBeVisibleAsync();
        Assert.Contains(Hostile, await marker.GetAttributeAsync("title"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        var plot = (await page.Page.Locator(".chart .u-over").BoundingBoxAsync())!;
        var box = (await marker.BoundingBoxAsync())!;
        Assert.InRange(box.X + (box.Width / 2), plot.X, plot.X + plot.Width);
        Assert.InRange(box.Y + (box.Height / 2), plot.Y, plot.Y + plot.Height);
        // Act: click the marker.
        await marker.ClickAsync();
        await page.Page.WaitForURLAsync($"**trace={Some.TraceId(3)}**");
        await page.ReadyAsync();

        // Assert: the trace view of that trace, its span selected.
        Assert.Contains($"span={Some.SpanId(3)}", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal([Some.SpanId(3)], await page.Page.Locator(".waterfall li").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.span)"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Metric_NamedButNotStored_SaysSoWithoutAnError()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=metrics&metric=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"));

        await Assertions.Expect(page.Page.Locator("main .empty")).ToContainTextAsync("<img src=x onerror=alert(1)>");
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.Empty(page.Errors);
    }
}
