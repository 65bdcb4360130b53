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
        var body = new string('x', 200) + " payload";
        for (var batch = 0; batch < 10; batch++)
        {
            await WriteLogsAsync(Enumerable.Range(0, 200)
                .Select(i => Some.Log(body + " " + (batch * 200 + i), time: Some.BaseTime.AddSeconds((batch * 200) + i), attributes: [new("n", (batch * 200) + i)]))
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
}
