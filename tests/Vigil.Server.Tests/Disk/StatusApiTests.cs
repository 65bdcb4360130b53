using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Api.Contracts.V1;
using Vigil.Server.Disk;
using Vigil.Server.Usage;
using Vigil.Server.Otlp.Proto.Trace.V1;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using LogRecord = Vigil.Server.Otlp.Proto.Logs.V1.LogRecord;

namespace Vigil.Server.Tests.Disk;

/// <summary>
/// <c>GET /api/status</c> on a real server over a real store file whose disk figures the test sets. Every figure is
/// checked against a second source: records against what was sent, the store's bytes against the files on disk, the
/// disk and the floor against the figures set, retention against the options and the run record in the store, and
/// the whole answer against <c>vigil status</c>'s reading of the same file.
/// </summary>
public sealed class StatusApiTests
{
    private const long Total = 100L << 20;
    private const long Free = 50L << 20;
    private const long Floor = 10L << 20;

    [Fact]
    public async Task GetStatus_AfterIngest_EveryFigureMatchesItsSecondSource()
    {
        // Arrange: 30 old and 10 recent log records, 4 old and 2 recent spans, and a retention run recorded as the server records one.
        var space = new SettableDiskSpace(Free, Total);
        await using var server = await TestServer.StartAsync(o => o.DiskGuard = new DiskGuardOptions { MinFreeBytes = Floor }, diskSpace: space);
        var otlp = server.CreateHttpClient();
        var now = DateTimeOffset.UtcNow;
        await PostAsync(otlp, "/v1/logs", OtlpHttp.Protobuf(Some.Logs([.. Enumerable.Range(0, 30).Select(i => Some.Log($"old {i}"))])));
        await PostAsync(otlp, "/v1/logs", OtlpHttp.Protobuf(Some.Logs([.. Enumerable.Range(0, 10).Select(i => Recent(Some.Log($"new {i}"), now.AddHours(-1)))])));
        await PostAsync(otlp, "/v1/traces", OtlpHttp.Protobuf(Some.Traces([.. Enumerable.Range(1, 6).Select(i => i <= 4 ? Some.Span($"op{i}", (byte)i) : Recent(Some.Span($"op{i}", (byte)i), now.AddHours(-1)))])));
        var run = new RetentionRun(now.AddMinutes(-5), new RetentionResult { LogsDeleted = 120, SpansDeleted = 7, MetricSeriesDeleted = 2, UsedBytesAfter = 4096 }, null);
        await server.Store.WriteAsync(new Model.TelemetryBatch { Logs = [run.ToRecord()] }).DefaultTimeout();
        await server.App.Services.GetRequiredService<StoreStatusSampler>().RefreshAsync(CancellationToken.None).DefaultTimeout();

        // Act
        var status = await GetStatusAsync(server.CreateQueryClient());

        // Assert: the records sent (the retention record is a log record too, and recent).
        Assert.Equal(["logs", "spans", "metrics", "errors", "health"], status.Signals.Select(s => s.Signal));
        var logs = status.Signals[0];
        var spans = status.Signals[1];
        Assert.Equal((41, 11), (logs.Records, logs.RecordsLastDay));
        Assert.Equal((6, 2), (spans.Records, spans.RecordsLastDay));
        Assert.Equal(0, status.Signals[2].Records);
        Assert.Equal(logs.Bytes * 11.0 / 41, logs.GrowthBytesPerDay, tolerance: 1e-6);

        // The files on disk (the server is idle, so they hold still).
        var path = server.App.StoreLocation;
        Assert.Equal(path, status.Store);
        Assert.Equal(new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0), status.FileBytes);

        // The disk as set, the configured floor, and the time to it at the store's growth.
        Assert.Equal((Free, Total, Floor), (status.DiskFreeBytes, status.DiskTotalBytes, Floor));
        Assert.Equal(Floor, status.FloorBytes);
        Assert.Equal(86_400, status.WindowSeconds);
        Assert.True(status.GrowthBytesPerDay > 0);
        Assert.Equal((Free + status.ReusableBytes - Floor) / status.GrowthBytesPerDay * 86_400, status.UntilFloorSeconds!.Value, tolerance: 1e-3);

        // Retention: none configured on this server; the last run is the record written.
        Assert.Null(status.Configuration);
        Assert.Null(status.Retention);
        var last = status.LastRetention!;
        Assert.Equal(run.At, last.At);
        Assert.True(last.Succeeded);
        Assert.Equal((120L, 7L, 2L, 4096L, 0L), (last.LogsDeleted, last.SpansDeleted, last.MetricSeriesDeleted, last.UsedBytesAfter, last.HealthResultsDeleted));

        // vigil status's reading of the same file with the same settings and disk answers the same.
        var local = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (local.ConfigureAwait(false))
        {
            var settings = server.App.Options.StatusSettings;
            var expected = await StoreStatus.ReadAsync((IStoreUsageReader)local, local, space, settings, TimeProvider.System, CancellationToken.None).DefaultTimeout();
            Assert.Equal(Json(Vigil.Server.Api.ApiMap.ToApi(expected) with { MeasuredAt = status.MeasuredAt }), Json(status));
        }
    }

    [Fact]
    public async Task GetStatus_RetentionConfigured_ShowsItAndTheServersOwnRun()
    {
        // Arrange: the leader runs retention at start and records the run in the store.
        await using var server = await TestServer.StartAsync(
            o =>
            {
                o.Retention = new RetentionOptions { MaxAge = TimeSpan.FromDays(30), MaxSizeBytes = 1L << 30 };
                o.RetentionInterval = TimeSpan.FromHours(1);
            },
            diskSpace: new SettableDiskSpace(Free, Total));
        var record = await Eventually.WaitForAsync(() => server.Store.Logs.FirstOrDefault(l => l.EventName == RetentionRun.EventName), "the server records its retention run");
        await server.App.Services.GetRequiredService<StoreStatusSampler>().RefreshAsync(CancellationToken.None).DefaultTimeout();

        // Act
        var status = await GetStatusAsync(server.CreateQueryClient());

        // Assert: the options the server runs with, and its run as recorded.
        var retention = status.Retention!;
        Assert.Equal((30 * 86_400.0, 1L << 30, 3600.0), (retention.MaxAgeSeconds, retention.MaxSizeBytes, retention.IntervalSeconds));
        Assert.Equal(record.Timestamp, status.LastRetention!.At);
        Assert.True(status.LastRetention.Succeeded);
        Assert.Null(status.LastRetention.Failure);
    }

    [Theory]
    [InlineData("?since=1h", "since")]
    [InlineData("?signal=logs&signal=spans", "signal")]
    [InlineData("?%00=1", "(unprintable or long name)")]
    [InlineData("?refresh", "refresh")]
    [InlineData("?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1", "(unprintable or long name)")]
    public async Task GetStatus_AnyParameter_Refused400BeforeMeasuring(string query, string named)
    {
        await using var server = await TestServer.StartAsync(diskSpace: new SettableDiskSpace(Free, Total));
        var sampler = server.App.Services.GetRequiredService<StoreStatusSampler>();
        await Eventually.TrueAsync(() => sampler.Latest is not null, "the first measurement");
        var measured = sampler.Latest;

        using var response = await server.CreateQueryClient().GetAsync(new Uri("/api/status" + query, UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync().DefaultTimeout(), ApiJson.TypeInfo<ApiProblem>())!;
        Assert.Equal($"{named}: not a parameter here (this endpoint takes none)", problem.Detail);
        Assert.Same(measured, sampler.Latest);
    }

    [Fact]
    public async Task GetStatus_ApiKeyConfigured_RequiresIt()
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "s3cret", diskSpace: new SettableDiskSpace(Free, Total));
        var client = server.CreateQueryClient();

        using var refused = await client.GetAsync(new Uri("/api/status", UriKind.Relative)).DefaultTimeout();
        using var keyed = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "s3cret") } };
        using var accepted = await client.SendAsync(keyed).DefaultTimeout();

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    internal static async Task<ApiStoreStatus> GetStatusAsync(HttpClient query)
    {
        using var response = await query.GetAsync(new Uri("/api/status", UriKind.Relative)).DefaultTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync().DefaultTimeout(), ApiJson.TypeInfo<ApiStoreStatus>())!;
    }

    internal static async Task PostAsync(HttpClient otlp, string path, HttpContent content)
    {
        using (content)
        {
            using var response = await otlp.PostAsync(new Uri(path, UriKind.Relative), content).DefaultTimeout();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static LogRecord Recent(LogRecord record, DateTimeOffset at)
    {
        record.TimeUnixNano = Some.UnixNano(at);
        return record;
    }

    private static Span Recent(Span span, DateTimeOffset at)
    {
        span.StartTimeUnixNano = Some.UnixNano(at);
        span.EndTimeUnixNano = Some.UnixNano(at.AddMilliseconds(250));
        return span;
    }

    private static string Json(ApiStoreStatus status) => JsonSerializer.Serialize(status, ApiJson.TypeInfo<ApiStoreStatus>());
}
