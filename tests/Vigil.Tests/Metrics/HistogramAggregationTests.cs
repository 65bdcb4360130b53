using System.Diagnostics.Metrics;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Tests.Support;

namespace Vigil.Tests.Metrics;

/// <summary>Which buckets each histogram gets, through the real pipeline into the local store (issue 11, item 1).</summary>
public sealed class HistogramAggregationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Histograms_NoAdviceOrConfiguration_ExponentialAndRightInSeconds_AdvisedAndConfiguredBoundsKept()
    {
        using var meter = new Meter("Tests.Histograms");
        var plain = meter.CreateHistogram<double>("tests.plain.duration", "s");
        var advised = meter.CreateHistogram("tests.advised.duration", "s", null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.5, 1] });
        var configured = meter.CreateHistogram<double>("tests.configured.size", "By");
        var vigil = TestVigil.Start(o =>
        {
            o.Store.Enabled = null;
            o.Metrics.Meters.Add(meter.Name);
            o.Metrics.HistogramBuckets["tests.configured.size"] = [100, 1000];
        });

        // 50 ms to 500 ms: under OpenTelemetry's millisecond defaults every one lands in (0, 5].
        for (var i = 1; i <= 10; i++)
        {
            plain.Record(0.05 * i);
            advised.Record(0.05 * i);
            configured.Record(50 * i);
        }

        vigil.Stop();
        await using var store = SqliteTelemetryStore.Open(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        var kinds = (await store.ListMetricsAsync().WaitAsync(Timeout)).ToDictionary(m => m.Name, m => m.Kind);
        var plainResult = await store.QueryMetricAsync(new MetricQuery
        {
            Name = "tests.plain.duration",
            From = DateTimeOffset.UtcNow.AddHours(-1),
            To = DateTimeOffset.UtcNow.AddHours(1),
            Step = TimeSpan.FromHours(2),
            GroupBy = [],
        }).WaitAsync(Timeout);
        vigil.Dispose();

        Assert.Equal(MetricKind.ExponentialHistogram, kinds["tests.plain.duration"]);
        Assert.Equal(MetricKind.Histogram, kinds["tests.advised.duration"]);
        Assert.Equal(MetricKind.Histogram, kinds["tests.configured.size"]);

        // The median of 0.05, 0.10 … 0.50 is between 0.25 and 0.30; one base-2 bucket at the scale
        // 160 buckets allow here spans well under 5 %.
        var p50 = Assert.NotNull(Assert.Single(Assert.Single(plainResult.Series).Buckets).P50);
        Assert.InRange(p50, 0.25 * 0.95, 0.30 * 1.05);
    }
}
