using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>What a hostile or careless OTLP/gRPC sender gets: a status that says what was wrong, and nothing more.</summary>
public sealed class OtlpGrpcHostileInputTests
{
    private const string TraceService = "opentelemetry.proto.collector.trace.v1.TraceService";
    private const int Limit = 1024 * 1024;

    // Asks the real client to gzip the message it sends.
    private static readonly CallOptions s_gzip = new(headers: new Metadata { { "grpc-internal-encoding-request", "gzip" } });

    [Fact]
    public async Task Export_GzipBomb_ResourceExhaustedAndServerKeepsServing()
    {
        using var logs = new FakeLoggerProvider();
        await using var server = await TestServer.StartAsync(o => o.MaxRequestBodyBytes = Limit, logs);
        logs.Collector.Clear();
        var client = new LogsService.LogsServiceClient(server.CreateGrpcChannel());

        // 64 MiB of zeros: about 64 KiB once gzipped, under the limit as sent, 64 times over it once inflated.
        var log = Some.Log();
        log.Body = new() { BytesValue = ByteString.CopyFrom(new byte[64 * 1024 * 1024]) };
        var bomb = Some.Logs(log);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(bomb, s_gzip).ResponseAsync).DefaultTimeout();
        var after = await client.ExportAsync(Some.Logs(Some.Log("after")), s_gzip).ResponseAsync.DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains($"larger than the limit of {Limit} bytes", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Null(after.PartialSuccess);
        Assert.Equal("after", Assert.Single(server.Store.Logs).Body);
        await Eventually.TrueAsync(() => server.Statistics.Refused(OtlpTransport.Grpc, OtlpRefusalReason.TooLarge) == 1, "the refusal is counted");
        AssertOneWarning(logs, "ResourceExhausted");
    }

    [Fact]
    public async Task Export_MessageOverTheLimitAsSent_ResourceExhaustedAndCounted()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxRequestBodyBytes = 1024);
        var client = new TraceService.TraceServiceClient(server.CreateGrpcChannel());

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(Some.ManySpans(50)).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Empty(server.Store.Spans);
        await Eventually.TrueAsync(() => server.Statistics.Refused(OtlpTransport.Grpc, OtlpRefusalReason.TooLarge) == 1, "the refusal is counted");
    }

    [Fact]
    public async Task Export_GarbageProtobuf_InvalidArgumentSayingWhatWasWrong()
    {
        using var logs = new FakeLoggerProvider();
        await using var server = await TestServer.StartAsync(logs: logs);
        logs.Collector.Clear();
        var channel = server.CreateGrpcChannel();

        // Field 1, length-delimited, length 100, then 3 bytes: the message ends early.
        var refused = await Assert.ThrowsAsync<RpcException>(() => RawGrpc.ExportAsync(channel, TraceService, [0x0A, 100, 1, 2, 3])).DefaultTimeout();
        var after = await new TraceService.TraceServiceClient(channel).ExportAsync(Some.Traces(Some.Span("after"))).ResponseAsync.DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("not a valid OTLP protobuf export request", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Null(after.PartialSuccess);
        await Eventually.TrueAsync(() => server.Statistics.Refused(OtlpTransport.Grpc, OtlpRefusalReason.Malformed) == 1, "the refusal is counted");
        AssertOneWarning(logs, "InvalidArgument");
    }

    [Fact]
    public async Task Export_NestingBomb_InvalidArgumentSaysTheDepthNotTheParser()
    {
        await using var server = await TestServer.StartAsync();
        var client = new LogsService.LogsServiceClient(server.CreateGrpcChannel());

        // 50 key-value lists are 150 nested messages, past the parser's 100.
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(Some.NestedLog(50)).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("nests messages deeper than 100 levels", refused.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("CodedInputStream", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task Export_GzipWithTrailingGarbage_InvalidArgument()
    {
        await using var server = await TestServer.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.GrpcEndpoint, new GrpcChannelOptions { CompressionProviders = [new GzipThenGarbage()] });
        var client = new TraceService.TraceServiceClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(Some.Traces(Some.Span()), s_gzip).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("not one complete gzip stream", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(server.Store.Spans);
    }

    [Fact]
    public async Task Export_Gzip_Stored()
    {
        await using var server = await TestServer.StartAsync();
        var client = new TraceService.TraceServiceClient(server.CreateGrpcChannel());

        var response = await client.ExportAsync(Some.Traces(Some.Span("zipped")), s_gzip).ResponseAsync.DefaultTimeout();

        Assert.Null(response.PartialSuccess);
        Assert.Equal("zipped", Assert.Single(server.Store.Spans).Name);
    }

    // One line at warning, from the server's refusal log, with no stack trace; nothing at error level.
    private static void AssertOneWarning(FakeLoggerProvider logs, string status)
    {
        var records = logs.Collector.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Error);
        var warning = Assert.Single(records, r => r.Level == LogLevel.Warning);
        Assert.Equal(typeof(OtlpRefusals).FullName, warning.Category);
        Assert.Null(warning.Exception);
        Assert.Contains(status, warning.Message, StringComparison.Ordinal);
    }
}
