using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task ApplyRetentionAsync_MaxAge_DeletesOnlyOlderRecordsOfEverySignal()
    {
        // Arrange: chunk size 2 makes the pass take several transactions.
        var now = DateTimeOffset.UtcNow;
        var old = now.AddDays(-3);
        await Store.WriteAsync(new TelemetryBatch
        {
            Logs = [Some.Log("old 1", time: old), Some.Log("old 2", time: old), Some.Log("old 3", time: old), Some.Log("new", time: now)],
            Spans = [Some.Span(1, 1, start: old), Some.Span(2, 1, start: now)],
            MetricPoints = [Some.Value(Some.Gauge(), old, 1), Some.Value(Some.Gauge(), now, 2)],
        });

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1), ChunkSize = 2 });

        // Assert
        Assert.Equal(3, result.LogsDeleted);
        Assert.Equal(1, result.SpansDeleted);
        Assert.Equal(1, result.MetricPointsDeleted);
        Assert.Equal("new", Assert.Single(await Store.QueryLogsAsync(new LogQuery())).Body);
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { Text = "old" }));
        Assert.Equal(Some.TraceId(2), Assert.Single(await Store.QueryTracesAsync(new TraceQuery())).TraceId);
        Assert.Empty(await Store.GetTraceAsync(Some.TraceId(1)));
        Assert.Equal(2, Assert.Single(await Store.ListMetricsAsync()).LatestValue);
    }

    [Fact]
    public async Task ApplyRetentionAsync_MaxSize_DeletesOldestUntilUnderTheLimitAndKeepsNewest()
    {
        // Arrange
        // Filler, not a run of one letter: the bodies must take space in any layout (log blocks compress).
        for (var batch = 0; batch < 10; batch++)
        {
            await WriteLogsAsync(Enumerable.Range(0, 200)
                .Select(i => Some.Log(Some.Filler((batch * 200) + i, 200) + " payload " + (batch * 200 + i), time: Some.BaseTime.AddSeconds((batch * 200) + i), attributes: [new("n", (batch * 200) + i)]))
                .ToArray());
        }

        var before = await Store.ApplyRetentionAsync(new RetentionOptions());
        var limit = before.UsedBytesAfter / 2;

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxSizeBytes = limit, ChunkSize = 100 });

        // Assert
        Assert.True(result.UsedBytesAfter <= limit, $"used {result.UsedBytesAfter} > limit {limit}");
        Assert.InRange(result.LogsDeleted, 1, 1999);
        var newest = await Store.QueryLogsAsync(new LogQuery { Limit = 1 });
        Assert.EndsWith(" 1999", Assert.Single(newest).Body);
        Assert.Empty(await Store.QueryLogsAsync(new LogQuery { Attributes = [new("n", "0")] }));
    }

    [Fact]
    public async Task ApplyRetentionAsync_SeriesLeftWithoutPoints_IsPrunedAndComesBackWhenWrittenAgain()
    {
        // Arrange: one series only in the past, one now.
        var now = DateTimeOffset.UtcNow;
        var gone = Some.Gauge("gone.metric");
        var kept = Some.Gauge("kept.metric");
        await WritePointsAsync(Some.Value(gone, now.AddDays(-3), 1), Some.Value(kept, now, 2));

        // Act
        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });

        // Assert: the series went with its last point; the other stays.
        Assert.Equal(1, result.MetricSeriesDeleted);
        Assert.Equal(["kept.metric"], (await Store.ListMetricsAsync()).Select(m => m.Name));

        // Written again (the writer may have remembered its old id), and a new series beside it: both are found whole.
        await WritePointsAsync(Some.Value(gone, now, 5), Some.Value(Some.Gauge("new.metric"), now, 7));
        var metrics = (await Store.ListMetricsAsync()).ToDictionary(m => m.Name);
        Assert.Equal(["gone.metric", "kept.metric", "new.metric"], metrics.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5, metrics["gone.metric"].LatestValue);
        Assert.Equal(7, metrics["new.metric"].LatestValue);
        Assert.Equal(1, metrics["gone.metric"].SeriesCount);
    }

    [Fact]
    public async Task ApplyRetentionAsync_NothingToDelete_PrunesNothing()
    {
        var now = DateTimeOffset.UtcNow;
        await WritePointsAsync(Some.Value(Some.Gauge("a"), now, 1), Some.Value(Some.Gauge("b"), now, 2));

        var result = await Store.ApplyRetentionAsync(new RetentionOptions { MaxAge = TimeSpan.FromDays(1) });

        Assert.Equal(0, result.MetricSeriesDeleted);
        Assert.Equal(0, result.ResourcesDeleted);
        Assert.Equal(2, (await Store.ListMetricsAsync()).Count);
    }
}
