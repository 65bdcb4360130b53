using Vigil.Dashboard.Tests.Support;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class EveryViewTests(BrowserFixture browser)
{
    public static TheoryData<string, int, int> Views => new()
    {
        { "overview", 1280, 720 },
        { "logs", 1280, 720 },
        { "patterns", 1280, 720 },
        { "traces", 1280, 720 },
        { "trace", 1280, 720 },
        { "trace-compare", 1280, 720 },
        { "builds", 1280, 720 },
        { "build", 1280, 720 },
        { "metrics", 1280, 720 },
        { "metric", 1280, 720 },
        { "errors", 1280, 720 },
        { "error", 1280, 720 },
        { "health", 1280, 720 },
        { "alerts", 1280, 720 },
        { "logs", 390, 844 },
        { "trace", 390, 844 },
        { "metric", 390, 844 },
        { "overview", 390, 844 },
    };

    /// <summary>
    /// Each view over a store with every kind of record: it renders, shows no error and logs none to the console.
    /// With VIGIL_SCREENSHOTS set (scripts/dashboard-screenshots.sh) each page is also saved there as a PNG.
    /// </summary>
    [Theory]
    [MemberData(nameof(Views))]
    public async Task View_OverAFullStore_RendersWithNoConsoleErrors(string view, int width, int height)
    {
        await using var server = await DashboardServer.StartAsync();
        var (traceId, groupId) = await SampleData.WriteAsync(server);
        if (view is "builds" or "build")
        {
            // Builds only where they are shown, so the other views' pictures keep to the shop.
            await BuildHistoryData.WriteAsync(server);
        }
        await using var page = await DashboardPage.OpenAsync(browser, width, height);
        var url = view switch
        {
            "trace" => $"/?view=traces&trace={traceId}&span={Some.SpanId(4)}",
            "trace-compare" => $"/?view=traces&a={SampleData.FastTraceId}&b={traceId}",
            "error" => $"/?view=errors&id={groupId}",
            "build" => $"/?view=builds&build={BuildHistoryData.BuildTraceId}",
            "metric" => "/?view=metrics&metric=http.server.requests&by=http.route",
            "logs" => "/?view=logs&seq=5",
            "patterns" => "/?view=logs&mode=patterns",
            _ => $"/?view={view}",
        };

        await page.GotoAsync(server.Url(url));

        Assert.Equal(0, await page.Page.Locator("main p.error").CountAsync());
        Assert.True(await page.Page.Locator("main h1").CountAsync() == 1, "one heading per view");
        Assert.Empty(page.Errors);
        if (Environment.GetEnvironmentVariable("VIGIL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{view}{(width < 800 ? "-phone" : string.Empty)}.png"), FullPage = width >= 800 });
        }
    }
}
