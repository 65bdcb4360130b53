using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// A short job so the whole SDK suite runs in minutes on a small machine: one process per row,
/// 3 warm-up and 15 measured iterations of 250 ms. Rows are grouped by category; each category's
/// baseline is bare OpenTelemetry, so the Ratio column reads "Vigil / OpenTelemetry".
/// </summary>
public sealed class SdkBenchmarkConfig : ManualConfig
{
    public SdkBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithId("Short"));
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns(BenchmarkDotNet.Columns.Column.Job, BenchmarkDotNet.Columns.Column.StdDev, BenchmarkDotNet.Columns.Column.RatioSD);
    }
}
