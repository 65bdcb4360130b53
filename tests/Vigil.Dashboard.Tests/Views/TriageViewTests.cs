using System.Globalization;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class TriageViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Errors_ListAndResolve_ShowsTheStoresGroupsAndTheActionReachesTheStore()
    {
        await using var server = await DashboardServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        await server.WriteAsync(new TelemetryBatch
        {
            Logs =
            [
                Some.ExceptionLog("System.InvalidOperationException", "order has no lines", at),
                Some.ExceptionLog("System.InvalidOperationException", "order has no lines", at.AddSeconds(5)),
                Some.ExceptionLog("System.TimeoutException", "database timed out", at.AddSeconds(10)),
            ],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=errors"));

        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        var shown = await page.Page.Locator("tr[data-group]").EvaluateAllAsync<string[][]>("rows => rows.map(r => [r.dataset.group, r.querySelector('[data-figure=count]').textContent])");
        Assert.Equal(groups.Select(g => new[] { g.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }), shown);

        var target = groups.Single(g => g.Type == "System.TimeoutException");
        await page.Page.Locator($"tr[data-group='{target.Id}'] a").ClickAsync();
        await page.ReadyAsync();
        Assert.Contains("database timed out", await page.Page.Locator("pre.stack").TextContentAsync(), StringComparison.Ordinal);
        await page.Page.Locator("button[data-action='resolved']").ClickAsync();
        await page.Page.WaitForSelectorAsync("button[data-action='resolved'][disabled]");

        var after = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery { Status = ErrorGroupStatus.Resolved });
        Assert.Equal(target.Id, Assert.Single(after).Id);
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Health_StoredChecks_AreListedWithTheirStatus()
    {
        await using var server = await DashboardServer.StartAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(-30);
        await server.WriteAsync(new TelemetryBatch
        {
            HealthResults =
            [
                new HealthResult { Name = "database", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = HealthStatus.Unhealthy, Observed = HealthStatus.Unhealthy, Timestamp = at, Duration = TimeSpan.FromMilliseconds(12), Description = "connection refused" },
                new HealthResult { Name = "cache", Kind = HealthSourceKind.Check, ServiceName = "orders", Status = HealthStatus.Healthy, Observed = HealthStatus.Healthy, Timestamp = at, Duration = TimeSpan.FromMilliseconds(2) },
            ],
        });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=health"));

        var states = await server.Store.QueryHealthAsync(new HealthQuery());
        foreach (var state in states)
        {
            var status = await page.Page.Locator($"tr[data-check='{state.Latest.Name}'] .pill").First.TextContentAsync();
            Assert.Equal(state.Status.ToString().ToLowerInvariant(), status);
        }

        Assert.Equal(2, states.Count);
        Assert.Equal(2, await page.Page.Locator("tr[data-check]").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Health_HistoryBar_OneCellPerResultWrittenOldestFirstWithItsStatus()
    {
        await using var server = await DashboardServer.StartAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        HealthStatus[] database = [HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Healthy];
        var written = database.Select((status, i) => Result("database", status, start.AddMinutes(i), i + 1, status == HealthStatus.Unhealthy ? "<img src=x onerror=alert(1)>refused" : null))
            .Concat(Enumerable.Range(0, 3).Select(i => Result("cache", HealthStatus.Healthy, start.AddMinutes(2 * i), 2, null)))
            .Append(Result("cache", HealthStatus.Unhealthy, DateTimeOffset.UtcNow.AddHours(-3), 2, "before the range"))
            .ToList();
        await server.WriteAsync(new TelemetryBatch { HealthResults = written });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=health&since=1h"));

        foreach (var name in new[] { "database", "cache" })
        {
            var expected = written.Where(r => r.Name == name && r.Timestamp > DateTimeOffset.UtcNow.AddHours(-1)).OrderBy(r => r.Timestamp).ToList();
            var cells = await page.Page.Locator($"tr[data-check='{name}'] .history-bar li").EvaluateAllAsync<string[][]>(
                "cells => cells.map(c => [c.dataset.status, c.className, c.title])");
            Assert.Equal(expected.Select(r => r.Status.ToString().ToLowerInvariant()), cells.Select(c => c[0]));
            Assert.Equal(expected.Select(r => $"history-cell history-{r.Status.ToString().ToLowerInvariant()}"), cells.Select(c => c[1]));
            Assert.Equal(expected.Select(Title), cells.Select(c => c[2]));
        }

        var stored = await server.Store.QueryHealthHistoryAsync(new HealthHistoryQuery { From = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal([3, 6], stored.Select(h => h.Results.Count));
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.Empty(page.Errors);
    }

    // The cell's title as the page writes it: local time to the millisecond (the browser runs in this process's zone), status, duration, description.
    private static string Title(HealthResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Timestamp.ToLocalTime():yyyy-MM-dd HH:mm:ss.fff} · {r.Status.ToString().ToLowerInvariant()} · {r.Duration.TotalMilliseconds} ms")
        + (r.Description is null ? string.Empty : " · " + r.Description);

    private static HealthResult Result(string name, HealthStatus status, DateTimeOffset at, int milliseconds, string? description) => new()
    {
        Name = name,
        Kind = HealthSourceKind.Check,
        ServiceName = "orders",
        Status = status,
        Observed = status,
        Timestamp = at,
        Duration = TimeSpan.FromMilliseconds(milliseconds),
        Description = description,
    };

    [Fact]
    public async Task Alerts_CreateAndExpireASilence_ReachTheStore()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=alerts"));

        await page.Page.Locator("input[name='by']").FillAsync("ana");
        await page.Page.Locator("input[name='matchers']").FillAsync("service=orders");
        await page.Page.Locator("input[name='comment']").FillAsync("deploy of 1.4");
        await page.Page.Locator("form button[type='submit']", new() { HasText = "Silence" }).ClickAsync();
        await page.Page.WaitForSelectorAsync("tr[data-silence]");

        var active = await server.Store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: false);
        var silence = Assert.Single(active);
        Assert.Equal("ana", silence.CreatedBy);

        await page.Page.Locator($"tr[data-silence='{silence.Id}'] button[data-action='expire']").ClickAsync();
        await page.Page.WaitForSelectorAsync("tr[data-silence]", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        Assert.Empty(await server.Store.QuerySilencesAsync(DateTimeOffset.UtcNow, includeExpired: false));
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task Alerts_AcknowledgeAFiringAlert_ReachesTheStoreAndTheOverviewCountsIt()
    {
        await using var server = await DashboardServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var alert = (await server.Store.SaveAlertsAsync([new AlertInstance
        {
            RuleName = "HighErrors",
            Labels = AlertLabels.From([new(AlertLabels.AlertName, "HighErrors"), new("service", "shop")]),
            State = AlertState.Firing,
            ActiveSince = now,
            FiredAt = now,
            LastEvaluated = now,
        }]))[0];
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=overview"));
        var firing = await page.Page.Locator("tr[data-service='shop'] td[data-figure='alerts']").TextContentAsync();

        await page.GotoAsync(server.Url("/?view=alerts"));
        await page.Page.Locator("input[name='by']").FillAsync("ana");
        await page.Page.Locator($"tr[data-alert='{alert.Id}'] button[data-action='ack']").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Page.Locator($"tr[data-alert='{alert.Id}']")).ToContainTextAsync("acknowledged by ana");

        var stored = await server.Store.GetAlertAsync(alert.Id);
        Assert.Equal("1", firing);
        Assert.Equal("ana", stored?.Acknowledgement?.By);
        Assert.Empty(page.Errors);
    }
}
