using System.Net;
using System.Text;
using System.Text.Json;
using Vigil.Grouping;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Sentry;

/// <summary>Hand-built envelopes against a real server: the answers, what is stored, and what is refused.</summary>
public sealed class SentryEnvelopeEndpointTests
{
    [Fact]
    public async Task Envelope_EventWithKeyInHeader_StoredAsGroupAndAnsweredWithId()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var json = SentryEnvelopes.Event(extra: ",\"tags\":{\"tenant\":\"acme\"},\"user\":{\"id\":\"u-7\",\"email\":\"ann@example.com\"},\"contexts\":{\"trace\":{\"trace_id\":\"5b8efff798038103d269b633813fc60c\",\"span_id\":\"eee19b7ec3c1b174\"}}");

        using var response = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(json), server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{{\"id\":\"{SentryEnvelopes.EventId}\"}}", await response.Content.ReadAsStringAsync());
        var log = Assert.Single(server.Store.Logs);
        Assert.Equal("shop", log.Resource.ServiceName);
        Assert.Equal("System.InvalidOperationException", log.ExceptionType);
        Assert.Equal("5b8efff798038103d269b633813fc60c", log.TraceId);
        Assert.Equal("eee19b7ec3c1b174", log.SpanId);
        Assert.Contains(new KeyValuePair<string, object?>("sentry.tag.tenant", "acme"), log.Attributes);
        Assert.Contains(new KeyValuePair<string, object?>("user.id", "u-7"), log.Attributes);
        Assert.Contains(new KeyValuePair<string, object?>("user.email", "ann@example.com"), log.Attributes);
        Assert.Contains(new KeyValuePair<string, object?>("deployment.environment.name", "staging"), log.Resource.Attributes);
        var group = Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout());
        Assert.Equal(1, group.Count);
        Assert.Equal(["shop@1.2.3"], group.Releases);
        Assert.Equal(ExceptionFingerprinter.Compute(new ExceptionDetails { Type = log.ExceptionType, Message = log.ExceptionMessage, StackTrace = log.ExceptionStackTrace }).Value, group.Fingerprint);
        Assert.Contains("Shop.Api.Checkout.Pay", group.Culprit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Envelope_SameEventSentTwice_CountedOnce()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var body = SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event());

        using var first = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", body, server.App.SentryPublicKey)).DefaultTimeout();
        using var retried = await client.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", body, server.App.SentryPublicKey)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(2, server.Store.Logs.Count);
        Assert.Equal(1, Assert.Single(await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout()).Count);
    }

    [Theory]
    [InlineData("query")]
    [InlineData("dsn")]
    [InlineData("authorization")]
    public async Task Envelope_KeyOutsideXSentryAuth_Accepted(string where)
    {
        await using var server = await TestServer.StartAsync();
        var key = server.App.SentryPublicKey;
        var header = where == "dsn" ? $"{{\"event_id\":\"{SentryEnvelopes.EventId}\",\"dsn\":\"http://{key}@127.0.0.1/1\"}}" : "{}";
        var request = SentryEnvelopes.Post(where == "query" ? $"/api/1/envelope/?sentry_key={key}&sentry_version=7" : "/api/1/envelope", SentryEnvelopes.Envelope(header, ("event", SentryEnvelopes.Event())), key: null);
        if (where == "authorization")
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Sentry sentry_key={key}, sentry_version=7");
        }

        using var response = await server.CreateHttpClient().SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Store.Logs);
    }

    [Theory]
    [InlineData("wrong", "not this server's")]
    [InlineData(null, "missing authorization")]
    public async Task Envelope_WrongOrMissingKey_401AndNothingStored(string? key, string message)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), key)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(message, await SentryEnvelopes.DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task Envelope_WithApiKeyConfigured_PassesOnTheSentryKeyAlone()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "s3cret");

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey)).DefaultTimeout();
        using var otlp = await server.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Json("{}")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otlp.StatusCode);
        Assert.DoesNotContain("s3cret", server.App.SentryPublicKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("deflate-raw")]
    [InlineData("br")]
    public async Task Envelope_Compressed_Accepted(string encoding)
    {
        await using var server = await TestServer.StartAsync();
        var body = SentryEnvelopes.Compress(SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), encoding);

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", body, server.App.SentryPublicKey, encoding == "deflate-raw" ? "deflate" : encoding)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Store.Logs);
    }

    [Fact]
    public async Task Store_EventJson_StoredAndAnsweredWithItsId()
    {
        await using var server = await TestServer.StartAsync();
        var request = SentryEnvelopes.Post("/api/7/store/", Encoding.UTF8.GetBytes(SentryEnvelopes.Event()), server.App.SentryPublicKey);

        using var response = await server.CreateHttpClient().SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SentryEnvelopes.EventId, answer.RootElement.GetProperty("id").GetString());
        Assert.Contains(new KeyValuePair<string, object?>("sentry.project_id", 7L), Assert.Single(server.Store.Logs).Attributes);
    }

    [Fact]
    public async Task Envelope_OtherItemTypes_AcknowledgedCountedNotStored()
    {
        await using var server = await TestServer.StartAsync();
        var body = SentryEnvelopes.Envelope(
            "{}",
            ("session", "{\"sid\":\"7c7b6585f7ba4b5f8c8e8c4f7e2c4f43\",\"status\":\"ok\"}"),
            ("client_report", "{\"discarded_events\":[]}"),
            ("attachment", "binary\u0001data"),
            ("check_in", "{\"check_in_id\":\"x\",\"monitor_slug\":\"nightly\",\"status\":\"ok\"}"),
            ("something_new", "{}"));

        using var response = await server.CreateHttpClient().SendAsync(SentryEnvelopes.Post("/api/1/envelope/", body, server.App.SentryPublicKey)).DefaultTimeout();
        var metrics = await server.CreateQueryClient().GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.Store.Logs);
        foreach (var type in (string[])["session", "client_report", "attachment", "check_in", "other"])
        {
            Assert.Contains($"vigil_sentry_items_total{{type=\"{type}\"}} 1", metrics, StringComparison.Ordinal);
        }
    }
}
