using System.Globalization;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

/// <summary>The builds view: every figure shown checked against the runs written (BuildHistoryData).</summary>
[Collection(BrowserTests.Name)]
public sealed class BuildsViewTests(BrowserFixture browser)
{
    private const string RowCells = """
        rows => rows.map(r => [r.dataset.build, ...['duration', 'outcome', 'cpu', 'memory', 'baseline'].map(f => r.querySelector(`[data-figure=${f}]`).textContent), r.dataset.regressed])
        """;

    [Fact]
    public async Task List_RecordedRuns_EachRowShowsWhatWasRecordedAndTheRegressions()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=builds"));
        var rows = await page.Page.Locator("tr[data-build]").EvaluateAllAsync<string[][]>(RowCells);

        // Newest first: the build, the failed lint run (3 s against 2 s + 20 %), the first lint run, then dotnet test.
        var seconds = BuildHistoryData.TestSeconds;
        string[][] expected =
        [
            [BuildHistoryData.BuildTraceId, "10.00 s", "successexit 0", "14.25 s", "512.0 MiB", "first run", "false"],
            [BuildHistoryData.LintFailedTraceId, "3.00 s", "failureexit 2", "—", "—", "slowermedian 2.00 s of 1", "true"],
            [Some.TraceId(0x1171), "2.00 s", "successexit 0", "—", "—", "first run", "false"],
            .. Enumerable.Range(0, seconds.Length).Reverse().Select(i => new[]
            {
                BuildHistoryData.TestTraceId(i), Seconds(seconds[i]), "successexit 0", Seconds(seconds[i] * 1.5), $"{200 + i}.0 MiB",
                i == 0 ? "first run" : $"{(i == 11 ? "slower" : string.Empty)}median {Seconds(Median(seconds[Math.Max(0, i - 9)..i]))} of {Math.Min(i, 9)}",
                (i == 11).ToString().ToLowerInvariant(),
            }),
        ];
        Assert.Equal(expected, rows);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task List_TaskTrend_OneBarPerRunOldestFirstWithTheRegressionMarked()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=builds"));
        var tasks = await page.Page.Locator("tr[data-task]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.task, r.querySelector('[data-figure=runs]').textContent, r.querySelector('[data-figure=latest]').textContent, String(r.querySelectorAll('.trend-bar').length)])");
        var bars = await page.Page.Locator("tr[data-task='dotnet test'] .trend-bar").EvaluateAllAsync<string[][]>(
            "bars => bars.map(b => [b.dataset.trace, b.dataset.ms, b.classList.contains('trend-regressed') ? 'regressed' : 'ok'])");

        Assert.Equal([["dotnet build", "1", "10.00 s", "1"], ["make lint", "2", "3.00 s", "2"], ["dotnet test", "12", "30.00 s", "12"]], tasks);
        Assert.Equal(
            BuildHistoryData.TestSeconds.Select((s, i) => new[] { BuildHistoryData.TestTraceId(i), (s * 1000).ToString(CultureInfo.InvariantCulture), i == 11 ? "regressed" : "ok" }),
            bars);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task List_TaskAndFailedFilters_InTheUrlAndOnlyTheMatchingRun()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=builds"));

        await page.Page.Locator("input[name='task']").FillAsync("make lint");
        await page.Page.Locator("input[name='failed']").CheckAsync();
        await page.Page.Locator("form.filters button[type='submit']").ClickAsync();
        await page.Page.WaitForURLAsync("**failed=1**");
        await page.ReadyAsync();
        var shown = await page.Page.Locator("tr[data-build]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.build)");

        Assert.Contains("task=make+lint", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal([BuildHistoryData.LintFailedTraceId], shown);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Detail_Build_BreakdownByOwnTimeWaterfallAndTraceLink()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=builds"));

        await page.Page.Locator($"tr[data-build='{BuildHistoryData.BuildTraceId}'] th a").ClickAsync();
        await page.ReadyAsync();
        var figures = await page.Page.Locator(".build-figures [data-figure]").EvaluateAllAsync<string[]>("cells => cells.map(c => c.textContent)");
        var projects = await Parts(page, 0);
        var targets = await Parts(page, 1);
        var waterfall = await page.Page.Locator(".waterfall li").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.span, r.dataset.depth])");

        // BuildBreakdownTests' numbers: App 8 s wall, 3.5 s own (Lib's 2-6.5 s is Lib's); Lib's two spans 4 s + 2.5 s.
        Assert.Equal(["10.00 s", "successexit 0", "exit 0", "first run", "14.25 s", "512.0 MiB"], figures);
        Assert.Equal([["Lib.csproj", "6.50 s", "6.50 s", "2"], ["App.csproj", "3.50 s", "8.00 s", "1"]], projects);
        Assert.Equal([["Lib.csproj CoreCompile", "2.00 s", "2.00 s", "1"], ["App.csproj CoreCompile", "1.00 s", "1.00 s", "1"], ["App.csproj ResolveProjectReferences", "500 ms", "5.00 s", "1"]], targets);
        // The exec span, its build, App, and Lib twice under App (its ResolveProjectReferences target, not drawn, built it).
        var stored = await server.Store.GetTraceAsync(BuildHistoryData.BuildTraceId);
        Assert.Equal(8, stored.Count);
        Assert.Equal([[Some.SpanId(1), "0"], [Some.SpanId(2), "1"], [Some.SpanId(3), "2"], [Some.SpanId(5), "3"], [Some.SpanId(6), "3"]], waterfall);
        Assert.Equal(1, await page.Page.Locator(".trend-bar").CountAsync());

        await page.Page.Locator("a[data-link='trace']").ClickAsync();
        await page.ReadyAsync();
        Assert.Equal($"Trace {BuildHistoryData.BuildTraceId}", await page.Page.Locator("main h1").TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Detail_RegressedRun_ItsTaskTrendUpToItAndItsBaseline()
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url($"/?view=builds&build={BuildHistoryData.TestTraceId(10)}"));
        var trend = await page.Page.Locator(".trend-bar").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.ms)");
        var baseline = await page.Page.Locator(".build-figures [data-figure=baseline]").TextContentAsync();

        // The runs up to this one (the eleventh); its nine before: 12 11 13 10 12 11 13 10 12, median 12 s.
        Assert.Equal(BuildHistoryData.TestSeconds[..11].Select(s => (s * 1000).ToString(CultureInfo.InvariantCulture)), trend);
        Assert.Equal("median 12.00 s of 9", baseline);
        Assert.Equal("No MSBuild projects: this command ran no build the logger recorded.", await page.Page.Locator("main p.empty").First.TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task HostileTaskName_ShownAsTextInTheListTrendAndDetail()
    {
        await using var server = await DashboardServer.StartAsync();
        const string hostile = "<img src=x onerror=alert(1)>\"'&amp;</td>";
        var trace = Some.TraceId(0xbad);
        await server.WriteAsync(new TelemetryBatch { Spans = [SomeBuild.Exec(trace, hostile, DateTimeOffset.UtcNow.AddMinutes(-2), TimeSpan.FromSeconds(1), branch: "<b>main</b>")] });
        await using var page = await DashboardPage.OpenAsync(browser);
        var dialogs = 0;
        page.Page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync(server.Url("/?view=builds"));
        var listed = await page.Page.Locator($"tr[data-build='{trace}'] th a").TextContentAsync();
        var task = await page.Page.Locator("tr[data-task] th a").TextContentAsync();
        var imagesInList = await page.Page.Locator("main img, main b").CountAsync();
        await page.Page.Locator($"tr[data-build='{trace}'] th a").ClickAsync();
        await page.ReadyAsync();

        Assert.Equal(hostile, listed);
        Assert.Equal(hostile, task);
        Assert.Equal(hostile, await page.Page.Locator("main h1").TextContentAsync());
        Assert.Equal(0, imagesInList);
        Assert.Equal(0, await page.Page.Locator("main img, main b").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task NoBuilds_EmptyState()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Spans = [Some.Span(Some.TraceId(1), Some.SpanId(1), null, "GET /", "orders", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromMilliseconds(3))] });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url("/?view=builds"));

        Assert.StartsWith("No builds or commands recorded in this range.", await page.Page.Locator("main p.empty").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Page.Locator("tr[data-build]").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Navigation_GThenB_OpensBuildsAndMarksItsNavEntry()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=overview&since=6h"));

        await page.Page.Keyboard.PressAsync("g");
        await page.Page.Keyboard.PressAsync("b");
        await page.Page.WaitForURLAsync("**view=builds**");
        await page.ReadyAsync();

        Assert.Contains("since=6h", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal("page", await page.Page.Locator("#nav a[data-view='builds']").GetAttributeAsync("aria-current"));
        Assert.Equal("Builds", await page.Page.Locator("main h1").TextContentAsync());
        Assert.Empty(page.Errors);
    }

    [Theory]
    [InlineData("not-a-trace", "traceId:")]
    [InlineData("000000000000000000000000000000ff", "no build or vigil exec command recorded as trace 000000000000000000000000000000ff")]
    public async Task Detail_BadOrUnknownId_SaysSo(string id, string expected)
    {
        await using var server = await DashboardServer.StartAsync();
        await BuildHistoryData.WriteAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url($"/?view=builds&build={id}"));

        Assert.Contains(expected, await page.Page.Locator("main p.error").TextContentAsync(), StringComparison.Ordinal);
        Assert.All(page.Errors, e => Assert.Contains("Failed to load resource", e, StringComparison.Ordinal));
    }

    private static Task<string[][]> Parts(DashboardPage page, int table) => page.Page.Locator("main table").Nth(table).Locator("tr[data-part]").EvaluateAllAsync<string[][]>(
        "rows => rows.map(r => [r.dataset.part, ...['self', 'wall', 'spans'].map(f => r.querySelector(`[data-figure=${f}]`).textContent)])");

    // The dashboard's form of a duration from 1 to 60 s (format.js): two decimals.
    private static string Seconds(double seconds) => $"{seconds.ToString("0.00", CultureInfo.InvariantCulture)} s";

    // The test's own median, the second source for the server's.
    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
