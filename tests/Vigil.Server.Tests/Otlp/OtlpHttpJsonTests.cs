using System.Net;
using System.Text.Json;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>OTLP/JSON as the specification's examples write it: hex ids, int64 as strings, enums as numbers.</summary>
public sealed class OtlpHttpJsonTests
{
    private const string TracesJson = """
        {
          "resourceSpans": [{
            "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "my.service" } }] },
            "scopeSpans": [{
              "scope": { "name": "my.library", "version": "1.0.0" },
              "spans": [{
                "traceId": "5B8EFFF798038103D269B633813FC60C",
                "spanId": "EEE19B7EC3C1B174",
                "parentSpanId": "EEE19B7EC3C1B173",
                "name": "I'm a server span",
                "startTimeUnixNano": "1544712660000000000",
                "endTimeUnixNano": 1544712661000000000,
                "kind": 2,
                "attributes": [{ "key": "my.span.attr", "value": { "intValue": "42" } }],
                "status": { "code": 2, "message": "failed" }
              }]
            }]
          }]
        }
        """;

    [Fact]
    public async Task PostTraces_JsonFromSpecification_StoredWithLowercaseHexIds()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Json(TracesJson)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var span = Assert.Single(await server.Store.GetTraceAsync("5b8efff798038103d269b633813fc60c").DefaultTimeout());
        Assert.Equal("eee19b7ec3c1b174", span.SpanId);
        Assert.Equal("eee19b7ec3c1b173", span.ParentSpanId);
        Assert.Equal(SpanKind.Server, span.Kind);
        Assert.Equal(SpanStatusCode.Error, span.StatusCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1544712660), span.StartTime);
        Assert.Equal(TimeSpan.FromSeconds(1), span.Duration);
        Assert.Equal(42L, Assert.Single(span.Attributes).Value);
        Assert.Equal("my.service", span.Resource.ServiceName);
        Assert.Equal("1.0.0", span.Scope.Version);
    }

    [Fact]
    public async Task PostLogs_SnakeCaseJson_Stored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        const string json = """
            {"resource_logs":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"snake"}}]},
              "scope_logs":[{"log_records":[{
                "time_unix_nano":"1544712660300000000","severity_number":17,"severity_text":"Error",
                "body":{"string_value":"disk full"},
                "trace_id":"5b8efff798038103d269b633813fc60c","span_id":"eee19b7ec3c1b174"}]}]}]}
            """;

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = Assert.Single(await server.Store.QueryLogsAsync(new LogQuery { TraceId = "5b8efff798038103d269b633813fc60c" }).DefaultTimeout());
        Assert.Equal("disk full", log.Body);
        Assert.Equal(17, log.SeverityNumber);
        Assert.Equal("eee19b7ec3c1b174", log.SpanId);
        Assert.Equal("snake", log.Resource.ServiceName);
    }

    [Fact]
    public async Task PostMetrics_JsonSumWithStringInt_Stored()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        const string json = """
            {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"my.counter","unit":"1","sum":{
              "aggregationTemporality":2,"isMonotonic":true,
              "dataPoints":[{"asInt":"9007199254740993","timeUnixNano":"1544712660300000000"}]}}]}]}]}
            """;

        using var response = await client.PostAsync("/v1/metrics", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var point = Assert.Single(server.Store.Points);
        Assert.Equal(MetricKind.Sum, point.Series.Kind);
        Assert.Equal(AggregationTemporality.Cumulative, point.Series.Temporality);
        Assert.True(point.Series.IsMonotonic);
        Assert.Equal(9007199254740993d, point.Value);
    }

    [Fact]
    public async Task PostTraces_JsonWithInvalidIdLength_PartialSuccessInJson()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var json = TracesJson.Replace("\"spanId\": \"EEE19B7EC3C1B174\"", "\"spanId\": \"EEE19B\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        var partial = body.RootElement.GetProperty("partialSuccess");
        Assert.Equal("1", partial.GetProperty("rejectedSpans").ToString());
        Assert.Contains("span_id", partial.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.Store.Spans);
        Assert.Equal(1, server.Statistics.Rejected(Vigil.Server.Ingest.OtlpSignal.Traces));
    }

    [Theory]
    [InlineData("{\"resourceSpans\": [", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [{\"traceId\": \"zz\"}]}]}]}", "hex")]
    [InlineData("{\"resourceSpans\": \"nope\"}", "not a valid OTLP/JSON")]
    public async Task PostTraces_MalformedJson_400WithMessage(string json, string expected)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Contains(expected, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogs_GzipJsonWithBytesAttribute_BytesStayBase64AndIdsHex()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        const string json = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[{"timeUnixNano":"1544712660300000000","body":{"stringValue":"zipped"},
              "traceId":"5b8efff798038103d269b633813fc60c",
              "attributes":[{"key":"payload","value":{"bytesValue":"AQID"}}]}]}]}]}
            """;

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Gzip(System.Text.Encoding.UTF8.GetBytes(json), "application/json")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = Assert.Single(server.Store.Logs);
        Assert.Equal("zipped", log.Body);
        Assert.Equal("5b8efff798038103d269b633813fc60c", log.TraceId);
        Assert.Equal(new byte[] { 1, 2, 3 }, Assert.Single(log.Attributes).Value);
    }
}
