using System.Globalization;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class OverviewViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Overview_PerService_ShowsTheTraceCountsErrorRateP95AndOpenErrorsTheStoreHolds()
    {
        await using var server = await DashboardServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);

        // orders: 20 traces of 10..200 ms, 5 failed; billing: 4 traces of 50 ms, none failed; 2 open error groups on orders.
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                .. Enumerable.Range(1, 20).Select(i => Some.Span(Some.TraceId(i), Some.SpanId(i), null, "GET /orders", "orders", start.AddSeconds(i), TimeSpan.FromMilliseconds(10 * i), i % 4 == 0 ? SpanStatusCode.Error : SpanStatusCode.Unset)),
                .. Enumerable.Range(100, 4).Select(i => Some.Span(Some.TraceId(i), Some.SpanId(i), null, "POST /charge", "billing", start.AddSeconds(i), TimeSpan.FromMilliseconds(50))),
            ],
            Logs =
            [
                Some.ExceptionLog("System.InvalidOperationException", "order has no lines", start.AddMinutes(1)),
                Some.ExceptionLog("System.TimeoutException", "database timed out", start.AddMinutes(2)),
            ],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=overview&since=1h"));

        // The second source: the store's own traces and error groups over the same hour.
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        var traces = await server.Store.QueryTracesAsync(new TraceQuery { ServiceName = "orders", From = from, Limit = 1000 });
        var failed = traces.Count(t => t.HasError);
        var durations = traces.Select(t => t.Duration.TotalMilliseconds).Order().ToList();
        var p95 = durations[(int)Math.Ceiling(0.95 * durations.Count) - 1];
        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery { ServiceName = "orders", Status = ErrorGroupStatus.Unresolved });

        Assert.Equal($"{traces.Count / 60.0:0.00}/min ({traces.Count})", await FigureAsync(page, "orders", "requests"));
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{100.0 * failed / traces.Count:0.0}% ({failed})"), await FigureAsync(page, "orders", "error-rate"));
        Assert.Equal($"{p95} ms", await FigureAsync(page, "orders", "p95"));
        Assert.Equal(groups.Count.ToString(CultureInfo.InvariantCulture), await FigureAsync(page, "orders", "errors"));
        Assert.Equal("0.07/min (4)", await FigureAsync(page, "billing", "requests"));
        Assert.Equal("0", await FigureAsync(page, "billing", "errors"));
        Assert.Equal((20, 5, 2), (traces.Count, failed, groups.Count));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Overview_ErrorRateFigure_LinksToTheServicesFailedTraces()
    {
        await using var server = await DashboardServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [.. Enumerable.Range(1, 6).Select(i => Some.Span(Some.TraceId(i), Some.SpanId(i), null, "GET /", "orders", start.AddSeconds(i), TimeSpan.FromMilliseconds(5), i <= 2 ? SpanStatusCode.Error : SpanStatusCode.Unset))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=overview"));

        await page.Page.Locator("tr[data-service='orders'] td[data-figure='error-rate'] a").ClickAsync();
        await page.Page.WaitForURLAsync("**view=traces**");
        await page.ReadyAsync();

        Assert.Contains("errors=1", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Page.Locator("tr[data-trace]").CountAsync());
    }

    private static async Task<string> FigureAsync(DashboardPage page, string service, string figure) =>
        (await page.Page.Locator($"tr[data-service='{service}'] td[data-figure='{figure}']").TextContentAsync())!.Trim();
}
