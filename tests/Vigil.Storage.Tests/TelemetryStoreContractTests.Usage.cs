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
}
