using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Ingest;

/// <summary>
/// The memory bound on requests in flight, through the real server: a request reserves its estimated decoded size
/// before it is read, holds it until its records are committed, and one that finds no room waits, then is refused.
/// </summary>
public sealed class IngestMemoryBudgetTests
{
    // One request of this many spans is about 60 KB on the wire: its estimate fills the whole budget below.
    private const int SpansPerRequest = 500;

    [Fact]
    public async Task MemoryFull_HttpAndGrpc_503WithRetryAfterAndUnavailableThenServesAgain()
    {
        // Arrange: the first request holds the whole budget while its commit is held.
        await using var server = await TestServer.StartAsync(o => { o.MaxIngestMemoryBytes = Budget(); o.IngestMemoryWait = TimeSpan.FromMilliseconds(100); });
        var client = server.CreateHttpClient();
        var grpc = new TraceService.TraceServiceClient(server.CreateGrpcChannel());
        server.Store.Close();
        var held = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.ManySpans(SpansPerRequest)));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");

        // Act
        using var refused = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("no room")))).DefaultTimeout();
        var grpcRefused = await Assert.ThrowsAsync<RpcException>(() => grpc.ExportAsync(Some.Traces(Some.Span("no room either"))).ResponseAsync.DefaultTimeout());
        server.Store.Open();
        using var heldResponse = await held.DefaultTimeout();
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("after", 40)))).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("busy", Vigil.Server.Otlp.Proto.Rpc.Status.Parser.ParseFrom(await refused.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unavailable, grpcRefused.StatusCode);
        Assert.Contains("busy", grpcRefused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, Figure(server, "vigil_ingest_memory_refused_requests_total"));
        Assert.Equal(HttpStatusCode.OK, heldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(SpansPerRequest + 1, server.Store.Spans.Count);
        await Eventually.TrueAsync(() => Budget(server).Used == 0, "every request to give its room back");
    }

    [Fact]
    public async Task MemoryFull_RoomFreedByCommit_WaitingRequestsAdmittedInOrder()
    {
        // Arrange
        await using var server = await TestServer.StartAsync(o => { o.MaxIngestMemoryBytes = Budget(); o.IngestMemoryWait = TaskTimeouts.Default; });
        var client = server.CreateHttpClient();
        var grpc = new TraceService.TraceServiceClient(server.CreateGrpcChannel());
        server.Store.Close();
        var held = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.ManySpans(SpansPerRequest)));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");

        // Act: both wait for room rather than being refused, then get in once the commit gives it back.
        var waitingHttp = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("waited", 20))));
        await Eventually.TrueAsync(() => Budget(server).Waiting == 1, "the HTTP request to wait");
        var waitingGrpc = grpc.ExportAsync(Some.Traces(Some.Span("waited too", 30))).ResponseAsync;
        await Eventually.TrueAsync(() => Budget(server).Waiting == 2, "the gRPC request to wait");
        Assert.False(waitingHttp.IsCompleted);
        server.Store.Open();
        using var heldResponse = await held.DefaultTimeout();
        using var waitedResponse = await waitingHttp.DefaultTimeout();
        await waitingGrpc.DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.OK, heldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, waitedResponse.StatusCode);
        Assert.Equal(SpansPerRequest + 2, server.Store.Spans.Count);
        await Eventually.TrueAsync(() => Budget(server).Used == 0, "every request to give its room back");
    }

    [Fact]
    public async Task MemoryHeld_SenderHangsUpBeforeCommit_RoomKeptUntilCommitted()
    {
        // Arrange: a sender that gives up does not free the memory its records still take in the queue.
        await using var server = await TestServer.StartAsync(o => { o.MaxIngestMemoryBytes = Budget(); o.IngestMemoryWait = TimeSpan.FromMilliseconds(100); });
        var client = server.CreateHttpClient();
        server.Store.Close();
        using var hangUp = new CancellationTokenSource();
        var abandoned = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.ManySpans(SpansPerRequest)), hangUp.Token);
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");

        // Act
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned).DefaultTimeout();
        using var refused = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("no room")))).DefaultTimeout();
        var usedWhileHeld = Budget(server).Used;
        server.Store.Open();
        await Eventually.TrueAsync(() => Budget(server).Used == 0, "the commit to give the room back");
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("after", 40)))).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(usedWhileHeld > 0);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task GzipBody_SizeUnknownUntilRead_EstimateShrunkToTheDecodedSize()
    {
        // Arrange: a gzip body reserves room for the largest body until its real size is known.
        await using var server = await TestServer.StartAsync(o => o.MaxIngestMemoryBytes = Budget());
        var client = server.CreateHttpClient();
        server.Store.Close();
        var body = Some.Traces(Some.Span("small")).ToByteArray();
        var held = client.PostAsync("/v1/traces", OtlpHttp.Gzip(body, "application/x-protobuf"));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the commit to start");

        // Act
        var used = Budget(server).Used;
        server.Store.Open();
        using var response = await held.DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length * IngestMemoryBudget.DecodedBytesPerWireByte, used);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GrpcMessage_PlainOrCompressed_ReservesItsDecodedSize(bool compressed)
    {
        // Arrange: a plain message's length prefix is its size; a compressed one's is known once it is decoded.
        await using var server = await TestServer.StartAsync(o => o.MaxIngestMemoryBytes = Budget());
        var grpc = new TraceService.TraceServiceClient(server.CreateGrpcChannel());
        var request = Some.ManySpans(50);
        var headers = compressed ? new Metadata { { "grpc-internal-encoding-request", "gzip" } } : null;
        server.Store.Close();
        var held = grpc.ExportAsync(request, headers).ResponseAsync;
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the commit to start");

        // Act
        var used = Budget(server).Used;
        server.Store.Open();
        await held.DefaultTimeout();

        // Assert
        Assert.Equal(request.CalculateSize() * IngestMemoryBudget.DecodedBytesPerWireByte, used);
        await Eventually.TrueAsync(() => Budget(server).Used == 0, "the request to give its room back");
    }

    // Room for one request of SpansPerRequest spans and not much more.
    private static long Budget() => Some.ManySpans(SpansPerRequest).CalculateSize() * IngestMemoryBudget.DecodedBytesPerWireByte;

    private static double Figure(TestServer server, string name) => server.Statistics.Snapshot().Single(f => f.Name == name).Value;

    private static IngestMemoryBudget Budget(TestServer server) => server.App.Services.GetRequiredService<IngestMemoryBudget>();
}
