using System.Globalization;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class TraceCompareViewTests(BrowserFixture browser)
{
    private static readonly string Fast = Some.TraceId(0xa1);
    private static readonly string Slow = Some.TraceId(0xb1);
    private static readonly string Middle = Some.TraceId(0xc1);
    private const string Markup = "<img src=x onerror=\"window.pwned=1\">";

    [Fact]
    public async Task Compare_OfTwoStoredTraces_ShowsBothOnOneScaleAndEachOperationsTimeAsTheSpansSent()
    {
        await using var server = await DashboardServer.StartAsync();
        var (fast, slow) = await WriteCheckoutsAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url($"/?view=traces&a={Fast}&b={Slow}"));

        Assert.Equal((await server.Store.GetTraceAsync(Fast)).Count, int.Parse(await page.Page.Locator("[data-side='a'] [data-span-count]").GetAttributeAsync("data-span-count") ?? "", CultureInfo.InvariantCulture));
        Assert.Equal(slow.Count, int.Parse(await page.Page.Locator("[data-side='b'] [data-span-count]").GetAttributeAsync("data-span-count") ?? "", CultureInfo.InvariantCulture));
        Assert.Equal(fast.Count, await page.Page.Locator("[data-side='a'] .waterfall li").CountAsync());
        Assert.Equal(slow.Count, await page.Page.Locator("[data-side='b'] .waterfall li").CountAsync());
        // One time scale, the slow trace's 400 ms: the fast root's 100 ms bar is a quarter of the track.
        Assert.Equal("25%", await page.Page.Locator($"[data-side='a'] li[data-span='{Some.SpanId(1)}'] .bar").EvaluateAsync<string>("b => b.style.width"));
        Assert.Equal("100%", await page.Page.Locator($"[data-side='b'] li[data-span='{Some.SpanId(1)}'] .bar").EvaluateAsync<string>("b => b.style.width"));

        var shown = await ReadOperationsAsync(page);
        var expected = Operations(fast, slow);
        Assert.Equal(expected.Count, shown.Length);
        foreach (var row in shown)
        {
            var (a, b) = expected[(row[0], row[1])];
            Assert.Equal([a.Count.ToString(CultureInfo.InvariantCulture), Ms(a.Total), Ms(a.Self), b.Count.ToString(CultureInfo.InvariantCulture), Ms(b.Total), Ms(b.Self), Ms(b.Total - a.Total), Ms(b.Self - a.Self)], row[2..]);
        }

        var selfDifferences = shown.Select(r => Math.Abs(double.Parse(r[9], CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(selfDifferences.OrderDescending(), selfDifferences);
        Assert.Equal(["pricing", "recompute prices"], shown[0][..2]);
        Assert.Contains("only in B", await page.Page.Locator("tr[data-name='recompute prices']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("only in A", await page.Page.Locator("tr[data-name='read cache']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("only in", await page.Page.Locator("tr[data-name='SELECT cart']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("only in B", await page.Page.Locator($"[data-side='b'] li[data-span='{Some.SpanId(5)}']").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Page.Locator("[data-side='a'] .waterfall .pill").CountAsync());
        // A span name holding markup is shown as text, in the table and the waterfall, and never runs.
        Assert.Equal(2, await page.Page.GetByText(Markup).CountAsync());
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.Empty(page.Errors);

        // The address alone reproduces the view.
        await using var second = await DashboardPage.OpenAsync(browser);
        await second.GotoAsync(page.Page.Url);
        Assert.Equal(shown, await ReadOperationsAsync(second));
        Assert.Equal(await page.Page.Locator("main").InnerTextAsync(), await second.Page.Locator("main").InnerTextAsync());
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task Compare_ReachedFromTheListAndFromATracesPage_AndBackReturns()
    {
        await using var server = await DashboardServer.StartAsync();
        await WriteCheckoutsAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);

        // From the list: tick two (the slow one first), the faster becomes A.
        await page.GotoAsync(server.Url("/?view=traces"));
        var compare = page.Page.Locator("button.compare");
        Assert.True(await compare.IsDisabledAsync());
        await page.Page.Locator($"tr[data-trace='{Slow}'] input[type='checkbox']").CheckAsync();
        await page.Page.Locator($"tr[data-trace='{Fast}'] input[type='checkbox']").CheckAsync();
        await compare.ClickAsync();
        await page.Page.WaitForURLAsync($"**a={Fast}**");
        await page.ReadyAsync();
        Assert.Contains($"b={Slow}", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(2, await page.Page.Locator("section.compare-side").CountAsync());

        // From the slow trace's page: the same operation's fastest and slowest other trace of the range.
        await page.GotoAsync(server.Url($"/?view=traces&trace={Slow}"));
        var offered = await page.Page.Locator("a[data-compare]").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.compare)");
        Assert.Equal([Fast, Middle], offered);
        await page.Page.Locator($"a[data-compare='{Fast}']").ClickAsync();
        await page.Page.WaitForURLAsync($"**b={Fast}**");
        await page.ReadyAsync();
        Assert.Contains($"a={Slow}", page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Page.Locator("h1:text('Compare traces')").CountAsync());

        await page.Page.GoBackAsync();
        await page.ReadyAsync();
        Assert.Equal(1, await page.Page.Locator($"h1:text('Trace {Slow}')").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task CompareWith_PastMoreNewerTracesOfOtherOperationsThanItReads_StillOffersTheSameOperationsRuns()
    {
        await using var server = await DashboardServer.StartAsync();
        await WriteCheckoutsAsync(server);
        // 600 newer traces of another operation of the same service: more than the 500 "compare with" reads, so
        // matching the name in the page after a by-service listing would find no other checkout at all.
        var after = DateTimeOffset.UtcNow.AddMinutes(-4);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans = [.. Enumerable.Range(0, 600).Select(i => Some.Span(Some.TraceId(0x10000 + i), Some.SpanId(1), null, "GET /health", "shop", after.AddMilliseconds(i * 100), TimeSpan.FromMilliseconds(1)))],
        });
        await using var page = await DashboardPage.OpenAsync(browser);

        await page.GotoAsync(server.Url($"/?view=traces&trace={Slow}"));

        var offered = await page.Page.Locator("a[data-compare]").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.compare)");
        Assert.Equal([Fast, Middle], offered);
        Assert.Contains("of 2 other \"GET /checkout\" traces in the range", await page.Page.Locator(".compare-with").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Compare_WithAnUnknownTraceId_SaysSoInTheView()
    {
        await using var server = await DashboardServer.StartAsync();
        await WriteCheckoutsAsync(server);
        await using var page = await DashboardPage.OpenAsync(browser);
        var unknown = Some.TraceId(0xdead);

        await page.GotoAsync(server.Url($"/?view=traces&a={Fast}&b={unknown}"));

        var message = page.Page.Locator("main p[data-missing='b']");
        Assert.Contains($"no trace with id {unknown} is stored", await message.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("alert", await message.GetAttributeAsync("role"));
        Assert.Equal(0, await page.Page.Locator("main p[data-missing='a']").CountAsync());
        Assert.Equal(1, await page.Page.Locator($"main a[href*='trace={Fast}']").CountAsync());
        // The one console line is the browser's own report of the API's 404, nothing the page threw.
        Assert.All(page.Errors, error => Assert.Contains("404", error, StringComparison.Ordinal));

        await page.GotoAsync(server.Url($"/?view=traces&a=not-a-trace&b={Fast}"));
        Assert.Contains("not-a-trace is not a trace id", await page.Page.Locator("main p[data-missing='a']").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Three "GET /checkout" traces, fast (100 ms), middle (200 ms) and slow (400 ms: "pricing" waits on a span the
    /// fast one lacks, two "SELECT cart" spans overlap, no "read cache", a span named with markup), and one "GET /other". Returns the fast and slow traces' spans as sent.
    /// </summary>
    private static async Task<(IReadOnlyList<SpanEntry> Fast, IReadOnlyList<SpanEntry> Slow)> WriteCheckoutsAsync(DashboardServer server)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        Func<double, TimeSpan> ms = TimeSpan.FromMilliseconds;
        SpanEntry[] fast =
        [
            Some.Span(Fast, Some.SpanId(1), null, "GET /checkout", "shop", start, ms(100)),
            Some.Span(Fast, Some.SpanId(2), Some.SpanId(1), "SELECT cart", "shop", start.AddMilliseconds(10), ms(20)),
            Some.Span(Fast, Some.SpanId(3), Some.SpanId(1), "pricing", "shop", start.AddMilliseconds(40), ms(30)),
            Some.Span(Fast, Some.SpanId(4), Some.SpanId(1), "read cache", "shop", start.AddMilliseconds(75), ms(5)),
        ];
        var slowStart = start.AddSeconds(10);
        SpanEntry[] slow =
        [
            Some.Span(Slow, Some.SpanId(1), null, "GET /checkout", "shop", slowStart, ms(400)),
            Some.Span(Slow, Some.SpanId(2), Some.SpanId(1), "SELECT cart", "shop", slowStart.AddMilliseconds(10), ms(20)),
            Some.Span(Slow, Some.SpanId(3), Some.SpanId(1), "SELECT cart", "shop", slowStart.AddMilliseconds(20), ms(25)),
            Some.Span(Slow, Some.SpanId(4), Some.SpanId(1), "pricing", "shop", slowStart.AddMilliseconds(80), ms(300), SpanStatusCode.Error),
            Some.Span(Slow, Some.SpanId(5), Some.SpanId(4), "recompute prices", "pricing", slowStart.AddMilliseconds(100), ms(250)),
            Some.Span(Slow, Some.SpanId(6), Some.SpanId(1), Markup, "shop", slowStart.AddMilliseconds(390), ms(5)),
        ];
        var middleStart = start.AddSeconds(20);
        await server.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                .. fast, .. slow,
                Some.Span(Middle, Some.SpanId(1), null, "GET /checkout", "shop", middleStart, ms(200)),
                Some.Span(Some.TraceId(0xd1), Some.SpanId(1), null, "GET /other", "shop", middleStart.AddSeconds(1), ms(50)),
            ],
        });
        return (fast, slow);
    }

    private static async Task<string[][]> ReadOperationsAsync(DashboardPage page) =>
        await page.Page.Locator("tr[data-name]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.service, r.dataset.name, ...[...r.querySelectorAll('[data-count], [data-ms]')].map(c => c.dataset.count ?? c.dataset.ms)])");

    private sealed record Time(int Count, double Total, double Self);

    /// <summary>Per (service, name): count, total and self time (duration less the union of its children's time) in A and B.</summary>
    private static Dictionary<(string Service, string Name), (Time A, Time B)> Operations(IReadOnlyList<SpanEntry> a, IReadOnlyList<SpanEntry> b)
    {
        static Dictionary<(string, string), Time> Of(IReadOnlyList<SpanEntry> spans) => spans
            .GroupBy(s => (Service(s), s.Name))
            .ToDictionary(g => g.Key, g => new Time(g.Count(), g.Sum(s => (s.EndTime - s.StartTime).TotalMilliseconds), g.Sum(s => Self(s, spans))));
        var inA = Of(a);
        var inB = Of(b);
        var none = new Time(0, 0, 0);
        return inA.Keys.Union(inB.Keys).ToDictionary(k => k, k => (inA.GetValueOrDefault(k, none), inB.GetValueOrDefault(k, none)));
    }

    private static double Self(SpanEntry span, IReadOnlyList<SpanEntry> spans)
    {
        var covered = 0.0;
        var reach = span.StartTime;
        foreach (var child in spans.Where(c => c.ParentSpanId == span.SpanId).OrderBy(c => c.StartTime))
        {
            var end = child.EndTime < span.EndTime ? child.EndTime : span.EndTime;
            var from = child.StartTime > reach ? child.StartTime : reach;
            if (end > from)
            {
                covered += (end - from).TotalMilliseconds;
                reach = end;
            }
        }

        return (span.EndTime - span.StartTime).TotalMilliseconds - covered;
    }

    private static string Service(SpanEntry span) => (string)span.Resource!.Attributes.Single(a => a.Key == TelemetryResource.ServiceNameKey).Value!;

    private static string Ms(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
