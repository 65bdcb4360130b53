using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>When a service or a metric last sent anything, for absence rules: logs, spans and points each count.</summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task GetLastSeenAsync_Service_IsItsNewestLogSpanOrPoint()
    {
        // Arrange: logs-only, spans-only and metrics-only services, and one with all three.
        await WriteLogsAsync(Some.Log(time: Some.BaseTime.AddMinutes(1), service: "logger"), Some.Log(time: Some.BaseTime.AddMinutes(3), service: "logger"));
        await WriteSpansAsync(Some.Span(1, 1, start: Some.BaseTime.AddMinutes(4), service: "tracer"), Some.Span(1, 2, start: Some.BaseTime.AddMinutes(2), service: "tracer"));
        await WritePointsAsync(Some.Value(Some.Counter(service: "meter"), Some.BaseTime.AddMinutes(5), 1), Some.Value(Some.Counter(service: "meter"), Some.BaseTime.AddMinutes(6), 2));
        await WriteLogsAsync(Some.Log(time: Some.BaseTime.AddMinutes(1), service: "all"));
        await WriteSpansAsync(Some.Span(2, 1, start: Some.BaseTime.AddMinutes(9), service: "all"));
        await WritePointsAsync(Some.Value(Some.Counter(service: "all"), Some.BaseTime.AddMinutes(7), 1));

        // Act
        var logger = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "logger" });
        var tracer = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "tracer" });
        var meter = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "meter" });
        var all = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "all" });
        var unknown = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "nobody" });

        // Assert
        Assert.Equal(Some.BaseTime.AddMinutes(3), logger);
        Assert.Equal(Some.BaseTime.AddMinutes(4), tracer);
        Assert.Equal(Some.BaseTime.AddMinutes(6), meter);
        Assert.Equal(Some.BaseTime.AddMinutes(9), all);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task GetLastSeenAsync_Since_HidesOlderData()
    {
        await WriteLogsAsync(Some.Log(time: Some.BaseTime, service: "quiet"));
        await WriteSpansAsync(Some.Span(1, 1, start: Some.BaseTime.AddMinutes(1), service: "quiet"));

        var recent = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "quiet", Since = Some.BaseTime.AddMinutes(2) });
        var longer = await Store.GetLastSeenAsync(new LastSeenQuery { ServiceName = "quiet", Since = Some.BaseTime.AddSeconds(30) });

        Assert.Null(recent);
        Assert.Equal(Some.BaseTime.AddMinutes(1), longer);
    }

    [Fact]
    public async Task GetLastSeenAsync_Metric_IsItsNewestPointOfAnySeriesOrOfOneService()
    {
        // Arrange: two series of one metric from two services, and another metric.
        var eu = Some.Counter("jobs.done", attributes: [new("region", "eu")], service: "worker");
        var us = Some.Counter("jobs.done", attributes: [new("region", "us")], service: "batch");
        await WritePointsAsync(Some.Value(eu, Some.BaseTime.AddMinutes(1), 1), Some.Value(eu, Some.BaseTime.AddMinutes(8), 2), Some.Value(us, Some.BaseTime.AddMinutes(5), 1));
        await WritePointsAsync(Some.Value(Some.Counter("other", service: "worker"), Some.BaseTime.AddMinutes(20), 1));

        // Act
        var any = await Store.GetLastSeenAsync(new LastSeenQuery { MetricName = "jobs.done" });
        var batch = await Store.GetLastSeenAsync(new LastSeenQuery { MetricName = "jobs.done", ServiceName = "batch" });
        var missing = await Store.GetLastSeenAsync(new LastSeenQuery { MetricName = "jobs.failed" });

        // Assert
        Assert.Equal(Some.BaseTime.AddMinutes(8), any);
        Assert.Equal(Some.BaseTime.AddMinutes(5), batch);
        Assert.Null(missing);
    }

    [Fact]
    public async Task GetLastSeenAsync_NoServiceOrMetric_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetLastSeenAsync(new LastSeenQuery()));
    }
}
