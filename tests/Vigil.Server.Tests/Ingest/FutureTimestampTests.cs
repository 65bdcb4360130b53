using System.Net;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Ingest;

/// <summary>A timestamp far in the future (a wrong clock, or 2262) is moved to when the server received it, and marked.</summary>
public sealed class FutureTimestampTests
{
    // The largest time OTLP's nanoseconds can carry in a signed 64-bit count: 2262-04-11.
    private static readonly DateTimeOffset s_2262 = DateTimeOffset.UnixEpoch.AddTicks(long.MaxValue / 100);

    [Fact]
    public async Task Post_RecordsStampedIn2262_MovedToReceiptTimeAndMarked()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var log = Some.Log("from the future");
        log.TimeUnixNano = Some.UnixNano(s_2262);
        var span = Some.Span("from the future");
        span.StartTimeUnixNano = Some.UnixNano(s_2262.AddSeconds(-2));
        span.EndTimeUnixNano = Some.UnixNano(s_2262);
        var gauge = new Metric { Name = "queue.depth", Gauge = new Gauge { DataPoints = { new NumberDataPoint { TimeUnixNano = Some.UnixNano(s_2262), AsDouble = 3 } } } };
        var before = DateTimeOffset.UtcNow;

        using var logs = await client.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(log))).DefaultTimeout();
        using var traces = await client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(span))).DefaultTimeout();
        using var metrics = await client.PostAsync("/v1/metrics", OtlpHttp.Protobuf(Some.Metrics(gauge))).DefaultTimeout();
        var after = DateTimeOffset.UtcNow;

        Assert.All([logs, traces, metrics], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var storedLog = Assert.Single(server.Store.Logs);
        Assert.InRange(storedLog.Timestamp, before, after);
        Assert.Equal(s_2262.ToString("O", System.Globalization.CultureInfo.InvariantCulture), storedLog.Attributes.Single(a => a.Key == FutureTimestamps.Attribute).Value);
        var storedSpan = Assert.Single(server.Store.Spans);
        Assert.InRange(storedSpan.EndTime, before, after);
        Assert.Equal(TimeSpan.FromSeconds(2), storedSpan.EndTime - storedSpan.StartTime);
        Assert.StartsWith("2262-04-11T", (string)storedSpan.Attributes.Single(a => a.Key == FutureTimestamps.Attribute).Value!, StringComparison.Ordinal);
        var point = Assert.Single(server.Store.Points);
        Assert.InRange(point.Timestamp, before, after);
        Assert.DoesNotContain(point.Series.Attributes, a => a.Key == FutureTimestamps.Attribute);
    }

    [Fact]
    public async Task Post_WithinTheAllowedSkew_KeptAsSentAndAMarginOfZeroMovesIt()
    {
        await using var lenient = await TestServer.StartAsync(o => o.MaxClockSkew = TimeSpan.FromDays(1));
        await using var strict = await TestServer.StartAsync(o => o.MaxClockSkew = TimeSpan.Zero);
        var soon = DateTimeOffset.UtcNow.AddHours(1);
        var log = Some.Log("an hour ahead");
        log.TimeUnixNano = Some.UnixNano(soon);

        using var kept = await lenient.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(log))).DefaultTimeout();
        using var moved = await strict.CreateHttpClient().PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(log))).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var keptLog = Assert.Single(lenient.Store.Logs);
        Assert.Equal(soon.UtcTicks / 10, keptLog.Timestamp.UtcTicks / 10);
        Assert.DoesNotContain(keptLog.Attributes, a => a.Key == FutureTimestamps.Attribute);
        var movedLog = Assert.Single(strict.Store.Logs);
        Assert.True(movedLog.Timestamp < soon);
        Assert.Contains(movedLog.Attributes, a => a.Key == FutureTimestamps.Attribute);
    }
}
