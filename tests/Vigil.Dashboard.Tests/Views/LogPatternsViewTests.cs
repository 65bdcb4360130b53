using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

/// <summary>The logs view's patterns mode in a real browser against a real server and store.</summary>
[Collection(BrowserTests.Name)]
public sealed class LogPatternsViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Patterns_CountsMatchTheRecordsAndAPatternOpensItsRecords()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                .. Enumerable.Range(0, 36).Select(i => Some.Log($"order {i} shipped in {i * 3} ms", now.AddSeconds(-100 + i))),
                .. Enumerable.Range(0, 9).Select(i => Some.Log($"payment {i} declined", now.AddSeconds(-50 + i), service: "billing", severity: 17)),
                Some.Log("cache warm", now.AddSeconds(-1)),
            ],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=logs"));
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "Patterns", Exact = true }).ClickAsync();
        await page.Page.WaitForURLAsync("**mode=patterns**");
        await page.ReadyAsync();

        var rows = page.Page.Locator("tr.pattern");
        Assert.Equal(["order <n> shipped in <n> ms", "payment <n> declined", "cache warm"], await rows.Locator(".pattern-text").AllTextContentsAsync());
        var counts = (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.count)")).Select(int.Parse).ToList();
        // The second source: the store's records, counted by what their bodies say.
        var stored = await server.Store.QueryLogsAsync(new LogQuery { Limit = 1000, From = now.AddHours(-1) });
        Assert.Equal(
            [stored.Count(r => r.Body!.StartsWith("order", StringComparison.Ordinal)), stored.Count(r => r.Body!.StartsWith("payment", StringComparison.Ordinal)), 1],
            counts);
        Assert.Equal("46", await page.Page.Locator("p.count").GetAttributeAsync("data-scanned"));
        Assert.Contains("3 patterns in all 46 records", await page.Page.Locator("p.count").TextContentAsync(), StringComparison.Ordinal);

        // A pattern opens its records: the records mode, searching for its literal text, in its one service.
        await rows.Nth(1).Locator(".pattern-text a").ClickAsync();
        await page.Page.WaitForURLAsync("**grep=declined**");
        await page.ReadyAsync();
        Assert.DoesNotContain("mode=patterns", page.Page.Url, StringComparison.Ordinal);
        Assert.Contains("service=billing", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(counts[1], (await LogsViewTests.SequencesAsync(page)).Count);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Patterns_UrlWithFilters_ReproducesTheSameTableInANewPage()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [.. Enumerable.Range(0, 20).Select(i => Some.Log(i % 2 == 0 ? $"disk {i} full" : $"tick {i}", now.AddSeconds(-30 + i), severity: i % 2 == 0 ? 17 : 9))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=logs&mode=patterns&level=error"));

        Assert.Equal(["disk <n> full"], await page.Page.Locator("tr.pattern .pattern-text").AllTextContentsAsync());
        Assert.Equal("10", await page.Page.Locator("tr.pattern").GetAttributeAsync("data-count"));
        Assert.Equal("page", await page.Page.GetByRole(AriaRole.Link, new() { Name = "Patterns", Exact = true }).GetAttributeAsync("aria-current"));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Patterns_BodyWithMarkup_IsShownAsTextAndNeverRuns()
    {
        await using var server = await DashboardServer.StartAsync();
        const string Hostile = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>bold</b>";
        await server.WriteAsync(new TelemetryBatch { Logs = [Some.Log(Hostile, DateTimeOffset.UtcNow.AddSeconds(-5), service: "<img src=z onerror=alert(3)>")] });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=logs&mode=patterns"));

        // Its digits masked, its markup kept as the text it is.
        Assert.Equal(Hostile.Replace("1", "<n>", StringComparison.Ordinal).Replace("2", "<n>", StringComparison.Ordinal), await page.Page.Locator("tr.pattern .pattern-text").TextContentAsync());
        Assert.Equal(0, await page.Page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Empty(page.Errors);
    }
}
