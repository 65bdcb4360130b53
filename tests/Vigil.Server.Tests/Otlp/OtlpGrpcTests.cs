using Google.Protobuf;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

public sealed class OtlpGrpcTests
{
    [Fact]
    public async Task ExportTraces_InvalidTraceId_PartialSuccessOverGrpc()
    {
        await using var server = await TestServer.StartAsync();
        var client = new TraceService.TraceServiceClient(server.CreateGrpcChannel());
        var bad = Some.Span("bad");
        bad.TraceId = ByteString.CopyFrom(new byte[8]);

        var response = await client.ExportAsync(Some.Traces(bad, Some.Span("good", 3))).ResponseAsync.DefaultTimeout();

        Assert.Equal(1, response.PartialSuccess.RejectedSpans);
        Assert.Contains("trace_id", response.PartialSuccess.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task ExportLogs_OverGrpc_StoredAndNoPartialSuccess()
    {
        await using var server = await TestServer.StartAsync();
        var client = new LogsService.LogsServiceClient(server.CreateGrpcChannel());

        var response = await client.ExportAsync(Some.Logs(Some.Log("over grpc"))).ResponseAsync.DefaultTimeout();

        Assert.Null(response.PartialSuccess);
        Assert.Equal("over grpc", Assert.Single(server.Store.Logs).Body);
    }
}
