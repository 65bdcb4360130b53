using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp;
using Vigil.Server.Otlp.Proto.Rpc;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>What a hostile or careless OTLP/HTTP sender gets: a status that says what was wrong, and nothing more.</summary>
public sealed class OtlpHttpHostileInputTests
{
    [Theory]
    [InlineData("application/x-protobuf")]
    [InlineData("application/json")]
    public async Task PostTraces_GzipWithTrailingGarbage_400(string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var body = contentType == "application/json" ? Encoding.UTF8.GetBytes("{}") : Some.Traces(Some.Span()).ToByteArray();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Gzipped([.. OtlpHttp.GzipBytes(body), .. GzipThenGarbage.Garbage], contentType)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not one complete gzip stream", await StatusMessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(server.Store.Spans);
    }

    [Fact]
    public async Task PostLogs_NestingBomb_400SaysTheDepthNotTheParser()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.NestedLog(50))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await StatusMessageAsync(response);
        Assert.Contains("nests messages deeper than 100 levels", message, StringComparison.Ordinal);
        Assert.DoesNotContain("CodedInputStream", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogs_JsonNestedTooDeep_400SaysTheDepthNotTheParser()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var json = new string('[', 200) + new string(']', 200);

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json(json)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await StatusMessageAsync(response);
        Assert.Contains("deeper than 128 levels", message, StringComparison.Ordinal);
        Assert.DoesNotContain("configured", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task PostTraces_UnsupportedContentType_415AnsweredInJson(string contentType)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
        content.Headers.ContentType = new(contentType);

        using var response = await client.PostAsync("/v1/traces", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(3, status.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("is not supported", status.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.Store.Spans);
    }

    [Fact]
    public async Task PostTraces_ProtobufWithUnsupportedEncoding_415AnsweredInProtobuf()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        using var content = OtlpHttp.Protobuf(Some.Traces(Some.Span()));
        content.Headers.ContentEncoding.Add("br");

        using var response = await client.PostAsync("/v1/traces", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Encoding 'br'", await StatusMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTraces_SenderHangsUpMidBody_OneWarningNoStackTraceAndCounted()
    {
        using var logs = new FakeLoggerProvider();
        await using var server = await TestServer.StartAsync(logs: logs);
        logs.Collector.Clear();

        // A body announced as 1,000 bytes, of which 10 arrive before the sender stops sending: the server gives up on
        // the request (there is no one left to answer) and closes the connection.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.HttpEndpoint.Port).DefaultTimeout();
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-protobuf\r\nContent-Length: 1000\r\n\r\n0123456789")).AsTask().DefaultTimeout();
        tcp.Client.Shutdown(SocketShutdown.Send);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        try
        {
            await reader.ReadToEndAsync().DefaultTimeout();
        }
        catch (IOException)
        {
            // The server may close with a reset instead of a FIN; either way the connection is closed, which is what
            // this waits for.
        }

        await Eventually.TrueAsync(() => server.Statistics.Refused(OtlpTransport.Http, OtlpRefusalReason.Aborted) == 1, "the refusal is counted");
        var records = logs.Collector.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        var warning = Assert.Single(records, r => r.Level == LogLevel.Warning);
        Assert.Equal(typeof(OtlpRefusals).FullName, warning.Category);
        Assert.Null(warning.Exception);
        Assert.Contains("OTLP/HTTP request to /v1/traces", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_AfterRefusals_CountedByTransportAndReason()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var malformed = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf([0x0A, 100, 1, 2, 3])).DefaultTimeout();
        using var unsupported = await client.PostAsync("/v1/traces", new StringContent("hello")).DefaultTimeout();
        var text = await query.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();

        Assert.Contains("vigil_ingest_requests_refused_total{reason=\"malformed\",transport=\"http\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_requests_refused_total{reason=\"unsupported\",transport=\"http\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_requests_refused_total{reason=\"too_large\",transport=\"grpc\"} 0", text, StringComparison.Ordinal);
    }

    private static async Task<string> StatusMessageAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout()).RootElement.GetProperty("message").GetString()!
            : Status.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message;
}
