using System.Net;
using System.Text;
using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>Hostile input: attributes nested deeper than the store's cap, sent over OTLP/JSON to the real server.</summary>
public sealed class OtlpNestedAttributeTests
{
    // Deeper than the cap, within the nesting the OTLP/JSON receiver accepts (40 levels is refused with 400).
    private const int Levels = 20;

    private static string NestedLogsRequest()
    {
        var value = new StringBuilder("""{"stringValue":"leaf"}""");
        for (var i = 0; i < Levels; i++)
        {
            value.Insert(0, """{"arrayValue":{"values":[""").Append("]}}");
        }

        var now = UnixTime.ToNanoseconds(DateTimeOffset.UtcNow.AddMinutes(-1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"" + now + "\","
            + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"body\":{\"stringValue\":\"deep\"},"
            + "\"attributes\":[{\"key\":\"deep\",\"value\":" + value + "}]}]}]}]}";
    }

    [Fact]
    public async Task PostLogs_AttributeNestedPastTheCap_StoredAndServedCappedAsEveryWriterCapsIt()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json(NestedLogsRequest())).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = Assert.Single(await server.Store.QueryLogsAsync(new LogQuery { TraceId = "5b8efff798038103d269b633813fc60c" }).DefaultTimeout());
        var value = Assert.Single(log.Attributes, a => a.Key == "deep").Value;
        for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
        {
            value = Assert.Single(Assert.IsType<object?[]>(value));
        }

        Assert.Equal(AttributeValueEncoder.TooDeep, value);

        // The query API serves the same capped value.
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint };
        using var body = JsonDocument.Parse(await query.GetStringAsync("/api/logs?since=1h&trace=5b8efff798038103d269b633813fc60c").DefaultTimeout());
        var served = Assert.Single(body.RootElement.GetProperty("items").EnumerateArray()).GetProperty("attributes").GetProperty("deep");
        for (var i = 0; i < AttributeValueEncoder.MaxDepth; i++)
        {
            served = Assert.Single(served.EnumerateArray());
        }

        Assert.Equal(AttributeValueEncoder.TooDeep, served.GetString());
    }
}
