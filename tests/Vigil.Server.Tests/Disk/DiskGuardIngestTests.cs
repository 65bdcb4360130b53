using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Disk;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Tests.Sentry;
using Vigil.Server.Tests.Support;
using Status = Vigil.Server.Otlp.Proto.Rpc.Status;

namespace Vigil.Server.Tests.Disk;

/// <summary>
/// A real server whose store disk is below the floor (its free space set by the test): every ingest endpoint refuses
/// in its own protocol with the guard's message (OTLP/HTTP 507 with a google.rpc.Status, OTLP/gRPC
/// RESOURCE_EXHAUSTED, Sentry and InfluxDB 507), queries still answer, nothing reaches the store (its own record is
/// the second source), and ingest is accepted again by itself once space returns.
/// </summary>
public sealed class DiskGuardIngestTests
{
    private const long Total = 100L << 20;

    [Fact]
    public async Task Ingest_DiskBelowFloor_EveryReceiverRefusesWithTheReasonAndQueriesAnswer()
    {
        // Arrange: 1 MiB free, a floor of 10 MiB, and a store far too small to make up the difference.
        var space = new SettableDiskSpace(1L << 20, Total);
        await using var server = await StartAsync(space);
        await WaitUntilRefusingAsync(server);
        var otlp = server.CreateHttpClient();

        // Act
        using var protobuf = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("refused")))).DefaultTimeout();
        using var json = await otlp.PostAsync("/v1/traces", OtlpHttp.Json("""{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]}""")).DefaultTimeout();
        var grpc = await Assert.ThrowsAsync<RpcException>(() => new LogsService.LogsServiceClient(server.CreateGrpcChannel()).ExportAsync(Some.Logs(Some.Log("refused"))).ResponseAsync.DefaultTimeout());
        using var sentry = await otlp.SendAsync(SentryEnvelopes.Post("/api/1/envelope/", SentryEnvelopes.EventEnvelope(SentryEnvelopes.Event()), server.App.SentryPublicKey)).DefaultTimeout();
        using var influx = await otlp.PostAsync("/api/v2/write?bucket=b", new StringContent("cpu value=1 1795003200000000000\n", Encoding.UTF8, "text/plain")).DefaultTimeout();
        using var query = await server.CreateQueryClient().GetAsync("/api/logs?since=1h").DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.InsufficientStorage, protobuf.StatusCode);
        Assert.Contains("below the floor of 10 MiB", Status.Parser.ParseFrom(await protobuf.Content.ReadAsByteArrayAsync().DefaultTimeout()).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InsufficientStorage, json.StatusCode);
        Assert.Contains("below the floor", Message(await json.Content.ReadAsStringAsync().DefaultTimeout(), "message"), StringComparison.Ordinal);
        Assert.Equal(StatusCode.ResourceExhausted, grpc.StatusCode);
        Assert.Contains("below the floor", grpc.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InsufficientStorage, sentry.StatusCode);
        Assert.Contains("below the floor", Message(await sentry.Content.ReadAsStringAsync().DefaultTimeout(), "detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InsufficientStorage, influx.StatusCode);
        Assert.Contains("below the floor", Message(await influx.Content.ReadAsStringAsync().DefaultTimeout(), "message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Empty(server.Store.Batches);
        Assert.True(server.Statistics.Dropped(Vigil.Server.Ingest.OtlpSignal.Logs) >= 2, "the refused records are counted as dropped");
    }

    [Fact]
    public async Task Ingest_SpaceReturns_AcceptedAgainWithoutARestart()
    {
        // Arrange: refusing.
        var space = new SettableDiskSpace(1L << 20, Total);
        await using var server = await StartAsync(space);
        var guard = await WaitUntilRefusingAsync(server);
        var otlp = server.CreateHttpClient();
        using var refused = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("refused")))).DefaultTimeout();

        // Act: space freed on the disk.
        space.AvailableBytes = 50L << 20;
        await Eventually.TrueAsync(() => guard.Refusal is null, "the guard sees the space return");
        using var accepted = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("accepted")))).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(["accepted"], server.Store.Logs.Select(l => l.Body));
    }

    [Fact]
    public async Task Ingest_GuardOff_NeverRefuses()
    {
        // Arrange: the same full disk, with the guard turned off.
        await using var server = await TestServer.StartAsync(
            o => o.DiskGuard = new DiskGuardOptions { Enabled = false },
            diskSpace: new SettableDiskSpace(1L << 20, Total));

        // Act
        using var response = await server.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("kept")))).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(server.App.Services.GetService<DiskGuard>());
    }

    [Fact]
    public async Task Metrics_DiskGuardRunning_TheLastCheckAsGauges()
    {
        // Arrange: refusing on a disk of 100 MiB with 1 MiB free.
        var space = new SettableDiskSpace(1L << 20, Total);
        await using var server = await StartAsync(space);
        var guard = await WaitUntilRefusingAsync(server);

        // Act
        var metrics = await server.CreateQueryClient().GetStringAsync("/metrics").DefaultTimeout();
        var check = guard.LastCheck!;

        // Assert: the disk's figures are the ones the test set; the store's are the files on disk (second source).
        Assert.Contains($"vigil_disk_free_bytes {1L << 20}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"vigil_disk_total_bytes {Total}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"vigil_disk_floor_bytes {10L << 20}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_disk_guard_refusing 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE vigil_store_file_bytes gauge", metrics, StringComparison.Ordinal);
        var fileBytes = long.Parse(metrics.Split('\n').Single(l => l.StartsWith("vigil_store_file_bytes ", StringComparison.Ordinal))["vigil_store_file_bytes ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var path = server.App.StoreLocation;
        Assert.Equal(new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0), fileBytes);
        Assert.True(check.Refusing);
    }

    private static Task<TestServer> StartAsync(SettableDiskSpace space) => TestServer.StartAsync(
        o => o.DiskGuard = new DiskGuardOptions { MinFreeBytes = 10L << 20, Interval = TimeSpan.FromMilliseconds(100) },
        diskSpace: space);

    private static async Task<DiskGuard> WaitUntilRefusingAsync(TestServer server)
    {
        var guard = server.App.Services.GetRequiredService<DiskGuard>();
        await Eventually.TrueAsync(() => guard.Refusal is not null, "the guard finds the disk below the floor");
        return guard;
    }

    private static string Message(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(property).GetString() ?? string.Empty;
    }
}
