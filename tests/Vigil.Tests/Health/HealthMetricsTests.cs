using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Vigil.Health;
using Vigil.Model;

namespace Vigil.Tests.Health;

public sealed class HealthMetricsTests
{
    [Fact]
    public async Task Checks_Run_StatusGaugeAndDurationHistogramPerCheck()
    {
        await using var host = HealthHost.Create(checks => checks
            .AddCheck("db", () => HealthCheckResult.Healthy())
            .AddCheck("queue", () => HealthCheckResult.Degraded())
            .AddCheck("cache", () => HealthCheckResult.Unhealthy()));
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var status = new MetricCollector<int>(meters, OperationTracker.InstrumentationName, HealthMetrics.StatusInstrument);
        using var duration = new MetricCollector<double>(meters, OperationTracker.InstrumentationName, HealthMetrics.DurationInstrument);
        await host.StartAsync();

        await host.WaitForResultsAsync("cache");
        await host.WaitForResultsAsync("queue");
        await host.WaitForResultsAsync("db");
        status.RecordObservableInstruments();

        var observed = status.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[HealthLogRecord.Name]!, m => m.Value);
        Assert.Equal(0, observed["db"]);
        Assert.Equal(1, observed["queue"]);
        Assert.Equal(2, observed["cache"]);
        var durations = duration.GetMeasurementSnapshot();
        Assert.Contains(durations, m => Equals(m.Tags[HealthLogRecord.Name], "cache") && m.Value >= 0);
        Assert.Equal("s", duration.Instrument!.Unit);
    }
}
