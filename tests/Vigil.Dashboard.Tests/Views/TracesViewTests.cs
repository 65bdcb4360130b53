using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class TracesViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Waterfall_OfAStoredTrace_HasEverySpanNestedUnderItsParentAndColouredByService()
    {
        await using var server = await DashboardServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        var trace = Some.TraceId(0xabc);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                Some.Span(trace, Some.SpanId(1), null, "POST /orders", "orders", start, TimeSpan.FromMilliseconds(300)),
                Some.Span(trace, Some.SpanId(2), Some.SpanId(1), "reserve stock", "orders", start.AddMilliseconds(10), TimeSpan.FromMilliseconds(80)),
                Some.Span(trace, Some.SpanId(3), Some.SpanId(2), "SELECT stock", "inventory", start.AddMilliseconds(20), TimeSpan.FromMilliseconds(40)),
                Some.Span(trace, Some.SpanId(4), Some.SpanId(1), "charge card", "billing", start.AddMilliseconds(100), TimeSpan.FromMilliseconds(150), SpanStatusCode.Error),
            ],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url($"/?view=traces&trace={trace}"));
        var rows = await page.Page.Locator(".waterfall li").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.span, r.dataset.depth, r.dataset.service, r.classList.contains('failed') ? 'failed' : 'ok'])");

        var stored = await server.Store.GetTraceAsync(trace);
        Assert.Equal(stored.Count, rows.Length);
        Assert.Equal(
            [[Some.SpanId(1), "0", "orders", "ok"], [Some.SpanId(2), "1", "orders", "ok"], [Some.SpanId(3), "2", "inventory", "ok"], [Some.SpanId(4), "1", "billing", "failed"]],
            rows);
        var hues = await page.Page.Locator(".waterfall .bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.style.getPropertyValue('--hue'))");
        Assert.Equal(hues[0], hues[1]);
        Assert.Equal(3, hues.Distinct().Count());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task TracesList_OnlyErrorsFilter_ListsTheStoresFailedTracesAndOpensOne()
    {
        await using var server = await DashboardServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [.. Enumerable.Range(1, 12).Select(i => Some.Span(Some.TraceId(i), Some.SpanId(i), null, $"GET /item/{i}", "orders", start.AddSeconds(i), TimeSpan.FromMilliseconds(10 * i), i % 4 == 0 ? SpanStatusCode.Error : SpanStatusCode.Unset))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=traces"));

        await page.Page.Locator("input[name='errors']").CheckAsync();
        await page.Page.Locator("form.filters button[type='submit']").ClickAsync();
        await page.Page.WaitForURLAsync("**errors=1**");
        await page.ReadyAsync();
        var shown = await page.Page.Locator("tr[data-trace]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.trace)");

        var stored = await server.Store.QueryTracesAsync(new TraceQuery { ErrorsOnly = true, From = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(3, stored.Count);
        Assert.Equal(stored.Select(t => t.TraceId), shown);

        await page.Page.Locator($"tr[data-trace='{shown[0]}'] a").ClickAsync();
        await page.ReadyAsync();
        Assert.Equal(1, await page.Page.Locator(".waterfall li.failed").CountAsync());
    }
}
