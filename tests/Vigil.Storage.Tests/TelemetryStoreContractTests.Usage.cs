using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// ReadSpaceAsync on every engine: the figures grow with what is written and stay within bounds. Each
/// engine's own figure is checked against a second source in its own tests (SQLite: the files on disk).
/// </summary>
public abstract partial class TelemetryStoreContractTests
{
    [Fact]
    public async Task ReadSpaceAsync_AfterWrites_Grows()
    {
        // Arrange
        var reader = Assert.IsAssignableFrom<IStoreUsageReader>(Store);
        var before = await reader.ReadSpaceAsync();

        // Act: records that take their length in space however they are stored.
        for (var batch = 0; batch < 4; batch++)
        {
            await WriteLogsAsync([.. Enumerable.Range(0, 250).Select(i => Some.Log(Some.Filler((batch * 250) + i, 400), time: Some.BaseTime.AddSeconds(i)))]);
        }

        var after = await reader.ReadSpaceAsync();

        // Assert: 1,000 records of 400 incompressible characters take at least 200 KB however they are stored.
        Assert.True(after.FileBytes >= 200_000, $"{after.FileBytes} bytes on disk");
        Assert.InRange(after.ReusableBytes, 0, after.FileBytes);
        Assert.True(after.UsedBytes - before.UsedBytes >= 200_000, $"used {before.UsedBytes} → {after.UsedBytes}");
        Assert.InRange(after.WalBytes, 0, after.UsedBytes);
    }

    [Fact]
    public async Task ReadSignalUsageAsync_KnownRecords_CountsWhatWasWrittenBySignal()
    {
        // Arrange: old and recent log records and spans, recent metric points; the written lists are the second source.
        var reader = Assert.IsAssignableFrom<IStoreUsageReader>(Store);
        var cutoff = Some.BaseTime.AddHours(-1);
        await WriteLogsAsync([.. Enumerable.Range(0, 30).Select(i => Some.Log(Some.Filler(i, 300), time: Some.BaseTime.AddDays(-2).AddSeconds(i)))]);
        await WriteLogsAsync([.. Enumerable.Range(0, 20).Select(i => Some.Log(Some.Filler(100 + i, 300), time: Some.BaseTime.AddSeconds(i)))]);
        await WriteSpansAsync([.. Enumerable.Range(1, 12).Select(i => Some.Span(i, i, start: (i <= 4 ? Some.BaseTime.AddDays(-2) : Some.BaseTime).AddSeconds(i)))]);
        var gauge = Some.Gauge();
        await WritePointsAsync([.. Enumerable.Range(0, 7).Select(i => Some.Value(gauge, Some.BaseTime.AddSeconds(i), i))]);

        // Act
        var usage = await reader.ReadSignalUsageAsync(cutoff);
        var space = await reader.ReadSpaceAsync();

        // Assert
        Assert.Equal(SignalUsage.Signals, usage.Select(u => u.Signal));
        var bySignal = usage.ToDictionary(u => u.Signal);
        Assert.Equal((50, 20), (bySignal["logs"].Records, bySignal["logs"].RecordsSince));
        Assert.Equal((12, 8), (bySignal["spans"].Records, bySignal["spans"].RecordsSince));
        Assert.Equal((7, 7), (bySignal["metrics"].Records, bySignal["metrics"].RecordsSince));
        Assert.Equal((0, 0), (bySignal["errors"].Records, bySignal["errors"].RecordsSince));
        Assert.True(bySignal["logs"].Bytes > bySignal["metrics"].Bytes, "50 records of 300 incompressible characters outweigh 7 numbers");
        Assert.True(bySignal["logs"].Bytes >= 50 * 300 / 2, $"logs: {bySignal["logs"].Bytes} bytes");
        Assert.InRange(bySignal["spans"].Bytes, 1, space.FileBytes + space.WalBytes);
    }
}
