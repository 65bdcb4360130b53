using System.Net;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Hosting;

public sealed class QueryNotFoundTests
{
    [Theory]
    [InlineData("GET", "/nope")]
    [InlineData("GET", "/api/nope")]
    [InlineData("GET", "/prefix/api/logs")]
    [InlineData("POST", "/v1/traces")]
    public async Task QueryPort_UnknownRoute_Returns404ProblemNamingIt(string method, string path)
    {
        await using var server = await TestServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request).DefaultTimeout();
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("No such endpoint", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains(path, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryPort_UnknownRouteWithApiKeyConfigured_RequiresTheKeyFirst()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "s3cret");
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/nope") { Headers = { { "x-api-key", "s3cret" } } };

        using var anonymous = await client.GetAsync(new Uri("/api/nope", UriKind.Relative)).DefaultTimeout();
        using var withKey = await client.SendAsync(keyed).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/errors/1/status")]
    [InlineData("PUT", "/api/logs")]
    [InlineData("DELETE", "/api/traces")]
    [InlineData("POST", "/health/live")]
    [InlineData("PUT", "/metrics")]
    public async Task QueryPort_KnownPathWrongMethod_Returns405(string method, string path)
    {
        await using var server = await TestServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));

        using var response = await client.SendAsync(request).DefaultTimeout();

        // Two-segment paths used to meet gRPC's catch-all route for unknown services and answer 404.
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_UnknownService_IsUnimplemented()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = server.CreateGrpcChannel();
        var marshaller = Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom);
        var requestMarshaller = Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom);
        var method = new Method<ExportTraceServiceRequest, ExportTraceServiceResponse>(MethodType.Unary, "unknown.v1.NoService", "Export", requestMarshaller, marshaller);

        var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), new ExportTraceServiceRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
    }

    [Fact]
    public async Task OtlpPort_UnknownRoute_KeepsBare404()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();

        using var unknown = await client.PostAsync(new Uri("/v1/nope", UriKind.Relative), new ByteArrayContent([])).DefaultTimeout();
        using var queryRoute = await client.GetAsync(new Uri("/api/logs", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, queryRoute.StatusCode);
        Assert.Empty(await queryRoute.Content.ReadAsByteArrayAsync().DefaultTimeout());
    }
}
