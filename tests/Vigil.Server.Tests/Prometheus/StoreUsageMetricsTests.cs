using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Disk;
using Vigil.Server.Tests.Disk;
using Vigil.Server.Tests.Support;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Server.Tests.Prometheus;

/// <summary>
/// The store's per-signal figures and retention's last run on <c>/metrics</c>, on a real server over a real store file:
/// each gauge checked against the records sent, the run record written and <c>/api/status</c>'s answer, the exposition
/// against promtool, and the scrape against the sampler (it reads the last measurement, never measures).
/// </summary>
public sealed class StoreUsageMetricsTests
{
    private const long Free = 50L << 20;
    private const long Floor = 10L << 20;

    [Fact]
    public async Task GetMetrics_AfterAMeasurement_PerSignalAndRetentionGaugesPassPromtool()
    {
        // Arrange: 30 old and 10 recent log records, 3 spans, a retention run recorded as the server records one, then a measurement.
        await using var server = await TestServer.StartAsync(o => o.DiskGuard = new DiskGuardOptions { MinFreeBytes = Floor }, diskSpace: new SettableDiskSpace(Free, 100L << 20));
        var otlp = server.CreateHttpClient();
        var now = DateTimeOffset.UtcNow;
        await StatusApiTests.PostAsync(otlp, "/v1/logs", OtlpHttp.Protobuf(Some.Logs([.. Enumerable.Range(0, 30).Select(i => Some.Log($"old {i}"))])));
        var recent = Enumerable.Range(0, 10).Select(i => Some.Log($"new {i}")).ToArray();
        foreach (var record in recent)
        {
            record.TimeUnixNano = Some.UnixNano(now.AddMinutes(-30));
        }

        await StatusApiTests.PostAsync(otlp, "/v1/logs", OtlpHttp.Protobuf(Some.Logs(recent)));
        await StatusApiTests.PostAsync(otlp, "/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span("a", 1), Some.Span("b", 2), Some.Span("c", 3))));
        var run = new RetentionRun(now.AddMinutes(-2), new RetentionResult { LogsDeleted = 120, SpansDeleted = 7, HealthResultsDeleted = 3 }, null);
        await server.Store.WriteAsync(new Model.TelemetryBatch { Logs = [run.ToRecord()] }).DefaultTimeout();
        var sampler = server.App.Services.GetRequiredService<StoreStatusSampler>();
        var measured = await sampler.RefreshAsync(CancellationToken.None).DefaultTimeout();
        var query = server.CreateQueryClient();

        // Act
        var text = await query.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        var status = await StatusApiTests.GetStatusAsync(query);

        // Assert: a valid exposition, read from the measurement taken (the scrape measured nothing, the status request took the same one).
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);
        Assert.True(exitCode == 0, output);
        Assert.Same(measured, sampler.Latest);
        Assert.Equal(measured.At, status.MeasuredAt);

        // The records sent (the run record is a log record of the last day too).
        Assert.Equal(41, Value(text, "vigil_store_signal_records", "logs"));
        Assert.Equal(3, Value(text, "vigil_store_signal_records", "spans"));
        Assert.Equal(0, Value(text, "vigil_store_signal_records", "metrics"));
        Assert.Equal(11, Value(text, "vigil_store_signal_recent_records", "logs"));
        Assert.Equal(0, Value(text, "vigil_store_signal_recent_records", "spans"));

        // The same bytes and growth /api/status answers, growth per second rather than per day.
        foreach (var signal in status.Signals)
        {
            Assert.Equal(signal.Bytes, Value(text, "vigil_store_signal_bytes", signal.Signal));
            Assert.Equal(signal.GrowthBytesPerDay / 86_400, Value(text, "vigil_store_signal_growth_bytes_per_second", signal.Signal), tolerance: 1e-9);
        }

        Assert.Equal(status.GrowthBytesPerDay / 86_400, Value(text, "vigil_store_growth_bytes_per_second"), tolerance: 1e-9);
        Assert.Equal((Free + status.ReusableBytes - Floor) / status.GrowthBytesPerDay * 86_400, Value(text, "vigil_store_until_floor_seconds"), tolerance: 1e-3);
        Assert.Equal(measured.At.ToUnixTimeMilliseconds() / 1000.0, Value(text, "vigil_store_status_timestamp_seconds"));

        // Retention's last run: the record written.
        Assert.Equal(run.At.ToUnixTimeMilliseconds() / 1000.0, Value(text, "vigil_retention_last_run_timestamp_seconds"));
        Assert.Equal(1, Value(text, "vigil_retention_last_run_succeeded"));
        Assert.Equal(120, Value(text, "vigil_retention_last_run_deleted_records", "logs"));
        Assert.Equal(7, Value(text, "vigil_retention_last_run_deleted_records", "spans"));
        Assert.Equal(3, Value(text, "vigil_retention_last_run_deleted_records", "health"));
    }

    [Fact]
    public async Task GetMetrics_FailedRetentionRun_SucceededIsZeroAndNoCounts()
    {
        await using var server = await TestServer.StartAsync(diskSpace: new SettableDiskSpace(Free, 100L << 20));
        var run = new RetentionRun(DateTimeOffset.UtcNow.AddMinutes(-1), null, "database is locked");
        await server.Store.WriteAsync(new Model.TelemetryBatch { Logs = [run.ToRecord()] }).DefaultTimeout();
        await server.App.Services.GetRequiredService<StoreStatusSampler>().RefreshAsync(CancellationToken.None).DefaultTimeout();

        var text = await server.CreateQueryClient().GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(0, Value(text, "vigil_retention_last_run_succeeded"));
        Assert.DoesNotContain("vigil_retention_last_run_deleted_records", text, StringComparison.Ordinal);
        Assert.Equal(run.At.ToUnixTimeMilliseconds() / 1000.0, Value(text, "vigil_retention_last_run_timestamp_seconds"));
    }

    private static double Value(string exposition, string name, string? signal = null)
    {
        var prefix = signal is null ? name + " " : $"{name}{{signal=\"{signal}\"}} ";
        var line = Assert.Single(exposition.Split('\n'), l => l.StartsWith(prefix, StringComparison.Ordinal));
        return double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }
}
