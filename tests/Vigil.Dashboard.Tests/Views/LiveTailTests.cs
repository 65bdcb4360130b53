using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Vigil.Dashboard.Tests.Support;
using Vigil.Model;

namespace Vigil.Dashboard.Tests.Views;

[Collection(BrowserTests.Name)]
public sealed class LiveTailTests(BrowserFixture browser)
{
    [Fact]
    public async Task LiveTail_RecordExportedOverOtlpAfterThePageOpened_AppearsOnTopWithoutAReload()
    {
        await using var server = await DashboardServer.StartAsync();
        await server.WriteAsync(new TelemetryBatch { Logs = [Some.Log("before the page", DateTimeOffset.UtcNow.AddSeconds(-10))] });
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs&live=1"));
        await page.Page.EvaluateAsync("window.__sameDocument = true");

        await OtlpLogs.SendAsync(server, "tail-check", "after the page opened");
        await Assertions.Expect(page.Page.Locator(".log-list li .body").First).ToHaveTextAsync("after the page opened");

        var stored = await server.Store.QueryLogsAsync(new LogQuery { Text = "opened" });
        var top = await page.Page.Locator(".log-list li").First.GetAttributeAsync("data-sequence");
        Assert.Equal(stored.Single().Sequence.ToString(CultureInfo.InvariantCulture), top);
        Assert.Equal("tail-check", await page.Page.Locator(".log-list li .svc").First.TextContentAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("window.__sameDocument === true"));
        Assert.Equal(2, await page.Page.Locator(".log-list li[data-sequence]").CountAsync());
        Assert.Empty(page.Errors);
    }

    [Fact]
    public async Task LiveTail_WithAFilter_ShowsOnlyNewRecordsThatMatchIt()
    {
        await using var server = await DashboardServer.StartAsync();
        await using var page = await DashboardPage.OpenAsync(browser);
        await page.GotoAsync(server.Url("/?view=logs&live=1&grep=wanted"));

        await OtlpLogs.SendAsync(server, "tail-check", "an unrelated line");
        await OtlpLogs.SendAsync(server, "tail-check", "the wanted line");
        await Assertions.Expect(page.Page.Locator(".log-list li .body").First).ToHaveTextAsync("the wanted line");

        Assert.Equal(1, await page.Page.Locator(".log-list li[data-sequence]").CountAsync());
    }
}

/// <summary>Sends one log record the way an OpenTelemetry SDK does over OTLP/HTTP JSON (the specification's encoding).</summary>
internal static class OtlpLogs
{
    public static async Task SendAsync(DashboardServer server, string service, string body)
    {
        var nanos = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
        var json = $$$"""
            {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"{{{service}}}"}}]},
             "scopeLogs":[{"scope":{"name":"test"},"logRecords":[{"timeUnixNano":"{{{nanos}}}","severityNumber":9,"severityText":"Information","body":{"stringValue":"{{{body}}}"}}]}]}]}
            """;
        using var client = new HttpClient { BaseAddress = server.OtlpHttpAddress, Timeout = TaskTimeouts.Default };
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/logs", UriKind.Relative), content).DefaultTimeout();
        response.EnsureSuccessStatusCode();
    }
}
