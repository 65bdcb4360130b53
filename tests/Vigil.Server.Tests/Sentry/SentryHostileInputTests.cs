using System.Net;
using System.Text;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Sentry;

/// <summary>Malformed, oversized and overloading requests get Sentry's answers, nothing half-stored, and the server keeps serving.</summary>
public sealed class SentryHostileInputTests
{
    public static TheoryData<string, string> Malformed => new()
    {
        { "", "empty" },
        { "not json\n{\"type\":\"event\"}\n{}", "envelope header is not valid JSON" },
        { "[1,2]\n", "must be a JSON object" },
        { "{}\n{\"length\":2}\n{}", "no \"type\"" },
        { "{}\n{\"type\":\"event\",\"length\":500}\n{}", "announces 500 bytes" },
        { "{}\n{\"type\":\"event\",\"length\":-1}\n{}", "non-negative" },
        { "{}\n{\"type\":\"event\"}\n[\"not\",\"an\",\"object\"]", "event must be a JSON object" },
        { "{}\n{\"type\":\"event\"}\n{\"exception\":", "event is not valid JSON" },
        { "{}\n{\"type\":\"event\"}\n" + new string('[', 100) + new string(']', 100), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Envelope_Malformed_400NothingStoredAndServerStillServes(string envelope, string message)
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", Encoding.UTF8.GetBytes(envelope), server.App.SentryPublicKey)).DefaultTimeout();
        using var after = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await SentryEnvelopes.DetailAsync(response), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Single(server.Store.Logs);
    }

    [Fact]
    public async Task Envelope_NotUtf8_400()
    {
        await using var server = await TestServer.StartAsync();
        byte[] body = [.. "{}\n{\"type\":\"event\"}\n{\"message\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", body, server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Envelope_HostileFieldsInAnEvent_StoredWithoutThem()
    {
        await using var server = await TestServer.StartAsync();
        var hostile = SentryEnvelopes.Event(
            type: "Evil\\nType",
            value: "line1\\nline2\\u0000",
            extra: ",\"level\":\"catastrophic\",\"timestamp\":1e300,\"tags\":[[\"a\",1],[\"b\"],\"c\"],\"user\":\"not an object\",\"fingerprint\":{\"values\":[7,null]},\"breadcrumbs\":\"nope\",\"contexts\":{\"trace\":{\"trace_id\":\"zz\"}}");

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(hostile), server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = Assert.Single(server.Store.Logs);
        Assert.Null(log.TraceId);
        Assert.Equal(17, log.SeverityNumber);
        Assert.Contains(new KeyValuePair<string, object?>("sentry.tag.a", "1"), log.Attributes);
        Assert.StartsWith("Evil Type: line1 line2", log.ExceptionStackTrace, StringComparison.Ordinal);
        Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout());
    }

    [Fact]
    public async Task Envelope_EventOverOneMegabyte_413()
    {
        await using var server = await TestServer.StartAsync();
        var big = SentryEnvelopes.Event(extra: ",\"extra\":{\"blob\":\"" + new string('x', 1_000_001) + "\"}");

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(big), server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task Envelope_GzipBombPastOneHundredMegabytes_413()
    {
        await using var server = await TestServer.StartAsync();
        var bomb = SentryEnvelopes.Compress(new byte[100_000_001], "gzip");

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", bomb, server.App.SentryPublicKey, "gzip")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("after decompression", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Envelope_BodyPastTwentyMegabytes_413()
    {
        await using var server = await TestServer.StartAsync();

        // With Expect: 100-continue the refusal comes before the body is sent, so the client reads it instead of racing
        // the server's close of a connection whose body it will not read.
        using var request = SentryEnvelopes.Post("/api/1/envelope/", new byte[20_000_001], server.App.SentryPublicKey);
        request.Headers.ExpectContinue = true;

        // HttpClient sends the body anyway when no answer came within Expect100ContinueTimeout (1 s by default), which
        // a loaded machine can pass; the server's 413 comes before it reads a byte of the body, so waiting longer is safe.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TaskTimeouts.Default };
        using var client = new HttpClient(handler) { BaseAddress = server.HttpEndpoint, Timeout = TaskTimeouts.Default };
        using var response = await client.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("gzip, br")]
    public async Task Envelope_UnsupportedEncoding_415(string encoding)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey, encoding)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Envelope_CorruptGzip_400()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", [0x1f, 0x8b, 8, 0, 1, 2, 3], server.App.SentryPublicKey, "gzip")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Envelope_QueueFull_429WithRetryAfterThenAccepted()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxQueuedRecords = 1);
        var client = server.CreateHttpClient();
        server.Store.Close();
        var held = client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey));
        await WaitUntilAsync(() => server.Store.WritesStarted > 0);

        using var refused = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event(value: "second")), server.App.SentryPublicKey)).DefaultTimeout();
        server.Store.Open();
        using var first = await held.DefaultTimeout();

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single(server.Store.Logs);
    }

    [Fact]
    public async Task Envelope_NonNumericProject_404()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/abc/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TaskTimeouts.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true");
            await Task.Delay(10);
        }
    }
}
