using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Ingest;

public sealed class IngestQueueTests
{
    [Fact]
    public async Task ConcurrentRequests_WhileACommitRuns_StoredInOneTransactionAndAnsweredAfterIt()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        server.Store.Close();
        var first = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("first"))));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");

        // Five more requests arrive while the first commit is held.
        var waiting = Enumerable.Range(0, 5)
            .Select(i => client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span($"waiting {i}", (byte)(10 + i))))))
            .ToList();
        await Eventually.TrueAsync(() => server.Statistics.QueueDepth == 6, "all six requests to be queued");

        // Acknowledged means durable: nobody is answered before the commit.
        Assert.False(first.IsCompleted);
        Assert.DoesNotContain(waiting, t => t.IsCompleted);

        server.Store.Open();
        var responses = await Task.WhenAll(waiting.Append(first)).DefaultTimeout();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, server.Store.Batches.Count);
        Assert.Equal(5, server.Store.Batches[1].Spans.Count);
        Assert.Equal(2, server.Statistics.Commits);
        Assert.Equal(6, server.Statistics.Stored(OtlpSignal.Traces));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Flood_QueueFull_503WithRetryAfterAndGrpcUnavailableThenServesAgain()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxQueuedRecords = 10);
        var client = server.CreateHttpClient();
        var grpc = new TraceService.TraceServiceClient(server.CreateGrpcChannel());
        server.Store.Close();
        var held = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.ManySpans(5)));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the first commit to start");
        var queued = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.ManySpans(5)));
        await Eventually.TrueAsync(() => server.Statistics.QueueDepth == 10, "the queue to fill");

        using var refused = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("one too many")))).DefaultTimeout();
        var grpcRefused = await Assert.ThrowsAsync<RpcException>(() => grpc.ExportAsync(Some.Traces(Some.Span("grpc too many"))).ResponseAsync.DefaultTimeout());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(StatusCode.Unavailable, grpcRefused.StatusCode);
        Assert.Equal(2, server.Statistics.Dropped(OtlpSignal.Traces));

        server.Store.Open();
        using var heldResponse = await held.DefaultTimeout();
        using var queuedResponse = await queued.DefaultTimeout();
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("after", 40)))).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, heldResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queuedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(11, server.Store.Spans.Count);
    }

    [Fact]
    public async Task StoreFailure_503AndDroppedCountedThenServesAgain()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        server.Store.FailWith = new IOException("disk full");

        using var failed = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span()))).DefaultTimeout();
        server.Store.FailWith = null;
        using var after = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("after")))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        // What happened, not the exception's text (which names the store's path); that is in the server's log.
        Assert.Equal("The store could not commit the records; retry later.", Vigil.Server.Otlp.Proto.Rpc.Status.Parser.ParseFrom(await failed.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message);
        Assert.Equal(1, server.Statistics.Dropped(OtlpSignal.Traces));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("after", Assert.Single(server.Store.Spans).Name);
    }

    [Fact]
    public async Task Stop_WithRequestInFlight_DrainsIntoStoreBeforeReturning()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        server.Store.Close();
        var inFlight = client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("in flight"))));
        await Eventually.TrueAsync(() => server.Store.WritesStarted == 1, "the commit to start");

        var stopping = server.App.StopAsync();
        Assert.False(stopping.IsCompleted);
        server.Store.Open();
        await stopping.DefaultTimeout();

        using var response = await inFlight.DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var span = Assert.Single(await server.Store.GetTraceAsync(Convert.ToHexStringLower(Some.TraceId().ToByteArray())).DefaultTimeout());
        Assert.Equal("in flight", span.Name);
    }

    [Fact]
    public async Task Snapshot_AfterTraffic_FiguresPerSignal()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var bad = Some.Span("bad");
        bad.TraceId = ByteString.CopyFrom(1);
        using var response = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(bad, Some.Span()))).DefaultTimeout();

        var figures = server.Statistics.Snapshot();

        double Figure(string name, string? signal = "traces") => figures.Single(f => f.Name == name && (signal is null || f.Labels.Contains(new("signal", signal)))).Value;
        Assert.Equal(2, Figure("vigil_ingest_records_received_total"));
        Assert.Equal(1, Figure("vigil_ingest_records_rejected_total"));
        Assert.Equal(1, Figure("vigil_ingest_records_stored_total"));
        Assert.Equal(0, Figure("vigil_ingest_records_received_total", "logs"));
        Assert.Equal(1, Figure("vigil_ingest_request_duration_seconds_count"));
        Assert.Equal(0, Figure("vigil_ingest_queue_depth_records", null));
        Assert.True(Figure("vigil_store_size_bytes", null) > 0);
    }
}
