using System.Net;
using System.Text.Json;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api;

/// <summary>An exception from another language's SDK, over OTLP/JSON, grouped in the store's write and served by the API.</summary>
public sealed class OtlpErrorGroupingTests
{
    // A Java SDK's span.recordException: the stack in Java's format, service.version as the release.
    private const string JavaExceptionSpan = """
        {"resourceSpans":[{
          "resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"inventory"}},
            {"key":"service.version","value":{"stringValue":"2.3.1"}},
            {"key":"telemetry.sdk.language","value":{"stringValue":"java"}}]},
          "scopeSpans":[{"scope":{"name":"io.opentelemetry.spring"},"spans":[{
            "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
            "name":"GET /stock/{sku}","kind":2,
            "startTimeUnixNano":"1795003200000000000","endTimeUnixNano":"1795003200250000000",
            "status":{"code":2},
            "events":[{"timeUnixNano":"1795003200200000000","name":"exception","attributes":[
              {"key":"exception.type","value":{"stringValue":"java.lang.IllegalStateException"}},
              {"key":"exception.message","value":{"stringValue":"sku 81723 is not stocked"}},
              {"key":"exception.stacktrace","value":{"stringValue":"java.lang.IllegalStateException: sku 81723 is not stocked\n\tat com.acme.inventory.StockService.reserve(StockService.java:57)\n\tat com.acme.inventory.StockController.get(StockController.java:31)\n\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)\n"}}]}]
          }]}]
        }]}
        """;

    [Fact]
    public async Task PostTraces_JavaExceptionEventTwice_OneGroupServedByApiErrors()
    {
        await using var server = await TestServer.StartAsync();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        var client = server.CreateHttpClient();

        // The same failure again, in another trace, with another sku in the message and lines shifted.
        var again = JavaExceptionSpan
            .Replace("5b8efff798038103d269b633813fc60c", "0af7651916cd43dd8448eb211c80319c", StringComparison.Ordinal)
            .Replace("81723", "99", StringComparison.Ordinal)
            .Replace("StockService.java:57", "StockService.java:61", StringComparison.Ordinal);
        using var first = await client.PostAsync("/v1/traces", OtlpHttp.Json(JavaExceptionSpan)).DefaultTimeout();
        using var second = await client.PostAsync("/v1/traces", OtlpHttp.Json(again)).DefaultTimeout();
        using var list = JsonDocument.Parse(await query.GetStringAsync(new Uri("/api/errors?service=inventory", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var group = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("java.lang.IllegalStateException", group.GetProperty("type").GetString());
        Assert.Equal(2, group.GetProperty("count").GetInt64());
        Assert.Equal("stackTrace", group.GetProperty("method").GetString());
        Assert.Equal("unresolved", group.GetProperty("status").GetString());
        Assert.Equal(["2.3.1"], group.GetProperty("releases").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("StockService.reserve", group.GetProperty("culprit").GetString(), StringComparison.Ordinal);

        var id = group.GetProperty("id").GetInt64();
        using var detail = JsonDocument.Parse(await query.GetStringAsync(new Uri($"/api/errors/{id}?events=5", UriKind.Relative)).DefaultTimeout());
        var events = detail.RootElement.GetProperty("latestEvents").EnumerateArray().ToList();
        Assert.Equal(["0af7651916cd43dd8448eb211c80319c", "5b8efff798038103d269b633813fc60c"], events.Select(e => e.GetProperty("traceId").GetString()));
        Assert.All(events, e => Assert.Equal("spanEvent", e.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task PostStatus_ThroughTheServeCompositionWithApiKey_ResolvesTheGroup()
    {
        await using var server = await TestServer.StartAsync(options => options.ApiKey = "s3cret");
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        query.DefaultRequestHeaders.Add("x-api-key", "s3cret");
        var ingest = server.CreateHttpClient();
        ingest.DefaultRequestHeaders.Add("x-api-key", "s3cret");
        using var posted = await ingest.PostAsync("/v1/traces", OtlpHttp.Json(JavaExceptionSpan)).DefaultTimeout();
        var id = Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout()).Id;

        using var keyless = await server.CreateHttpClient().PostAsync(new Uri($"{server.QueryEndpoint}api/errors/{id}/status"), ErrorStatusRequestTests.Json("{\"status\":\"resolved\"}")).DefaultTimeout();
        using var response = await query.PostAsync(new Uri($"/api/errors/{id}/status", UriKind.Relative), ErrorStatusRequestTests.Json("{\"status\":\"resolved\"}")).DefaultTimeout();
        var stored = await server.Store.GetErrorGroupAsync(id, 0, 0).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ErrorGroupStatus.Resolved, stored!.Group.Status);
    }
}
