using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Vigil.Api.Contracts;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;
using RpcStatus = Vigil.Server.Otlp.Proto.Rpc.Status;

namespace Vigil.Server.Tests.Hosting;

public sealed class ApiKeyTests
{
    private const string Key = "s3cret-key";

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("Authorization", "Bearer wrong", HttpStatusCode.Unauthorized)]
    [InlineData("Authorization", "Bearer " + Key, HttpStatusCode.OK)]
    [InlineData("x-api-key", Key, HttpStatusCode.OK)]
    [InlineData("x-api-key", Key + "x", HttpStatusCode.Unauthorized)]
    public async Task PostTraces_WithApiKeyConfigured_OnlyTheKeyIsAccepted(string? header, string? value, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/traces") { Content = OtlpHttp.Protobuf(Some.Traces(Some.Span())) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await client.SendAsync(request).DefaultTimeout();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, server.Store.Spans.Count);
    }

    [Fact]
    public async Task GrpcExport_WithApiKeyConfigured_RequiresIt()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        var grpc = new TraceService.TraceServiceClient(server.CreateGrpcChannel());

        var refused = await Assert.ThrowsAsync<RpcException>(() => grpc.ExportAsync(Some.Traces(Some.Span())).ResponseAsync.DefaultTimeout());
        await grpc.ExportAsync(Some.Traces(Some.Span("keyed")), new Metadata { { "authorization", "Bearer " + Key } }).ResponseAsync.DefaultTimeout();

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("keyed", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task PostTraces_WithApiKeyConfiguredAndMissing_AnswersStatusInTheRequestsEncoding()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        var client = server.CreateHttpClient();
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");

        using var protobufResponse = await client.PostAsync(new Uri("/v1/traces", UriKind.Relative), OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();
        using var jsonResponse = await client.PostAsync(new Uri("/v1/logs", UriKind.Relative), json).DefaultTimeout();
        var protobufStatus = RpcStatus.Parser.ParseFrom(await protobufResponse.Content.ReadAsByteArrayAsync().DefaultTimeout());
        using var jsonStatus = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync().DefaultTimeout());

        // The OTLP/HTTP specification: every 4xx body is a google.rpc.Status in the request's encoding.
        Assert.Equal(HttpStatusCode.Unauthorized, protobufResponse.StatusCode);
        Assert.Equal("application/x-protobuf", protobufResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(16, protobufStatus.Code);
        Assert.Contains("x-api-key", protobufStatus.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, jsonResponse.StatusCode);
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(16, jsonStatus.RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task QueryPort_WithApiKeyConfigured_RequiresIt()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var response = await client.GetAsync("/api/traces").DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/logs")]
    [InlineData("/api/errors/1")]
    [InlineData("/metrics")]
    public async Task QueryPort_WithApiKeyConfiguredAndMissing_Returns401ProblemDocument(string path)
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        // docs/api.md: every error of the query port is a problem document, whose detail the CLI shows.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("x-api-key", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/logs", true)]
    [InlineData("/API/traces", true)]
    [InlineData("/api/no-such-endpoint", true)]
    [InlineData("/metrics", false)]
    [InlineData("/apix", false)]
    public async Task QueryPort_WithApiKeyConfiguredAndMissing_NamesTheContractVersionOnApiPathsOnly(string path, bool api)
    {
        // The real server application: its ApiKeyMiddleware refuses before routing, so the /api group's filter never runs.
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(api, response.Headers.TryGetValues(ApiVersion.HeaderName, out var versions));
        Assert.Equal(api ? [ApiVersion.Current] : null, versions?.ToArray());
    }

    [Fact]
    public async Task QueryPort_WithApiKeyConfigured_MetricsNeedsItHealthDoesNot()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = Key);
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };

        using var metrics = await client.GetAsync("/metrics").DefaultTimeout();
        using var live = await client.GetAsync("/health/live").DefaultTimeout();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/traces") { Headers = { { "x-api-key", Key } } };
        using var keyed = await client.SendAsync(request).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public async Task PostTraces_NoApiKeyConfigured_Accepted()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
