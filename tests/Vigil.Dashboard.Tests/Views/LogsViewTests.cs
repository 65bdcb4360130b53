using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class LogsViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Logs_OnOpen_ShowsTheNewestPageNewestFirstAndDrawsOnlyTheRowsInView()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch { Logs = [.. Enumerable.Range(0, 250).Select(i => Some.Log($"order {i} placed", now.AddSeconds(-250 + i)))] });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=logs"));
        var drawn = await DrawnSequencesAsync(page);

        // The second source: the store's newest page by arrival (it returns them oldest first).
        var stored = await server.Store.QueryLogsAsync(new LogQuery { Limit = 200, BeforeSequence = long.MaxValue, From = now.AddHours(-1) });
        Assert.Equal("200", await page.Page.Locator(".log-viewport").GetAttributeAsync("data-loaded"));
        Assert.InRange(drawn.Count, 10, 80);
        Assert.Equal(stored.Select(r => r.Sequence).Reverse().Take(drawn.Count), drawn);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Logs_ScrollToTheEnd_LoadsEveryOlderPageWithoutGapsOrRepeats()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        // Many records share a timestamp: paging by time would skip or repeat them; the sequence cursor does not.
        await server.WriteAsync(new TelemetryBatch { Logs = [.. Enumerable.Range(0, 450).Select(i => Some.Log($"line {i}", now.AddSeconds(-(i / 50))))] });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs"));

        for (var i = 0; i < 10 && await page.Page.Locator(".log-viewport").GetAttributeAsync("data-loaded") != "450"; i++)
        {
            await page.Page.Locator(".log-viewport").EvaluateAsync("el => { el.scrollTop = el.scrollHeight; }");
            await page.Page.WaitForFunctionAsync("() => !document.querySelector('main .view[aria-busy=true]')");
            await Task.Delay(200);
        }

        await Assertions.Expect(page.Page.Locator(".log-viewport")).ToHaveAttributeAsync("data-loaded", "450");
        var shown = await SequencesAsync(page);
        var stored = await server.Store.QueryLogsAsync(new LogQuery { Limit = 1000, AfterSequence = 0 });
        Assert.Equal(450, stored.Count);
        Assert.Equal(stored.Select(r => r.Sequence).Reverse(), shown);
        Assert.True(await page.Page.Locator("button.more").IsHiddenAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Logs_Search_ShowsOnlyMatchesAndTheUrlReproducesThemInANewPage()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [.. Enumerable.Range(0, 40).Select(i => Some.Log(i % 4 == 0 ? $"payment declined for order {i}" : $"order {i} shipped", now.AddSeconds(-60 + i)))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs"));

        await page.Page.Locator("input[name='grep']").FillAsync("declined");
        await page.Page.Locator("input[name='grep']").PressAsync("Enter");
        await page.Page.WaitForURLAsync("**grep=declined**");
        await page.ReadyAsync();
        var shown = await SequencesAsync(page);
        var url = page.Page.Url;

        var stored = await server.Store.QueryLogsAsync(new LogQuery { Text = "declined", From = now.AddHours(-1) });
        Assert.Equal(10, stored.Count);
        Assert.Equal(stored.Select(r => r.Sequence).Reverse(), shown);

        await using var second = await DashboardPage.OpenAsync(browser);
        await second.GotoAsync(url);
        Assert.Equal(shown, await SequencesAsync(second));
        Assert.Equal("declined", await second.Page.Locator("input[name='grep']").InputValueAsync());
        Assert.Empty(page.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task Logs_ClickAnAttributeValue_FiltersByItAndBackRestoresTheList()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [.. Enumerable.Range(0, 30).Select(i => Some.Log($"request {i}", now.AddSeconds(-60 + i), attributes: [new("tenant", i % 3 == 0 ? "acme" : "globex")]))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs"));
        var all = await SequencesAsync(page);
        var acme = await server.Store.QueryLogsAsync(new LogQuery { Attributes = [new("tenant", "acme")], From = now.AddHours(-1) });
        var first = acme[^1];

        await page.Page.Locator($".log-list li[data-sequence='{first.Sequence}'] a").ClickAsync();
        await page.Page.Locator(".detail a.filter-value", new() { HasText = "acme" }).ClickAsync();
        await page.Page.WaitForURLAsync("**where=tenant%3Dacme**");
        await page.ReadyAsync();
        var filtered = await SequencesAsync(page);

        await page.Page.GoBackAsync();
        await page.Page.GoBackAsync();
        await page.Page.WaitForURLAsync(url => !url.Contains("where", StringComparison.Ordinal));
        await page.ReadyAsync();

        Assert.Equal(acme.Select(r => r.Sequence).Reverse(), filtered);
        Assert.Equal(30, all.Count);
        Assert.Equal(all, await SequencesAsync(page));
    }

    [Fact]
    public async Task Logs_FilterByServiceAndLevel_ShowsWhatTheStoreMatches()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [.. Enumerable.Range(0, 60).Select(i => Some.Log($"event {i}", now.AddSeconds(-60 + i), service: i % 2 == 0 ? "orders" : "billing", severity: i % 5 == 0 ? 17 : 9))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=logs&service=billing&level=error"));
        var shown = await SequencesAsync(page);

        var stored = await server.Store.QueryLogsAsync(new LogQuery { ServiceName = "billing", MinimumSeverity = 17, From = now.AddHours(-1) });
        Assert.Equal(6, stored.Count);
        Assert.Equal(stored.Select(r => r.Sequence).Reverse(), shown);
        Assert.Equal("error", await page.Page.Locator("select[name='level']").InputValueAsync());
    }

    [Fact]
    public async Task Logs_BodyWithMarkup_IsShownAsTextAndNeverRuns()
    {
        await using var server = await DashboardServer.StartAsync();
        const string Hostile = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"><b>bold</b>";
        await server.WriteAsync(new TelemetryBatch
        {
            Logs = [Some.Log(Hostile, DateTimeOffset.UtcNow.AddSeconds(-5), attributes: [new("<img src=y onerror=alert(1)>", "<script>window.__pwned = 3</script>")])],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs"));

        await page.Page.Locator(".log-list li a").First.ClickAsync();
        await page.Page.WaitForSelectorAsync(".detail h2");

        Assert.Equal(Hostile, await page.Page.Locator(".log-list .body").First.TextContentAsync());
        Assert.Equal(Hostile, await page.Page.Locator(".detail .body-full").TextContentAsync());
        Assert.Equal(0, await page.Page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Empty(page.Errors);
    }

    /// <summary>The rows in the page now: the virtualised list draws only those in view and a margin.</summary>
    internal static async Task<List<long>> DrawnSequencesAsync(DashboardPage page)
    {
        var values = await page.Page.Locator(".log-list li[data-sequence]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.sequence)");
        return [.. values.Select(long.Parse)];
    }

    /// <summary>Every loaded row in order, as a reader sees them: scrolls the list top to bottom a screen at a time.</summary>
    internal static async Task<List<long>> SequencesAsync(DashboardPage page)
    {
        var values = await page.Page.Locator(".log-viewport").EvaluateAsync<string[]>("""
            async (el) => {
              const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
              const seen = [];
              const known = new Set();
              const start = el.scrollTop;
              for (let top = 0; ; top += Math.max(1, el.clientHeight / 2)) {
                el.scrollTop = top;
                await frame();
                for (const row of el.querySelectorAll('li[data-sequence]')) {
                  if (!known.has(row.dataset.sequence)) { known.add(row.dataset.sequence); seen.push(row.dataset.sequence); }
                }
                if (top >= el.scrollHeight) break;
              }
              el.scrollTop = start;
              await frame();
              return seen;
            }
            """);
        return [.. values.Select(long.Parse)];
    }
}
