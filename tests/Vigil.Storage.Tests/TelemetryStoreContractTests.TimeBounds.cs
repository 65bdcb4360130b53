using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

public abstract partial class TelemetryStoreContractTests
{
    // Unix nanoseconds in a long end in 2262 and begin in 1677; DateTimeOffset reaches from year 1 to 9999, and the
    // CLI and the query API accept any of it ("--since 9999-12-31"). A bound outside must not wrap around.
    public static TheoryData<DateTimeOffset?, DateTimeOffset?, int> FarBounds => new()
    {
        { DateTimeOffset.MaxValue.AddDays(-1), null, 0 },
        { null, DateTimeOffset.MaxValue.AddDays(-1), 1 },
        { new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero), null, 0 },
        { new DateTimeOffset(1600, 1, 1, 0, 0, 0, TimeSpan.Zero), null, 1 },
        { DateTimeOffset.MinValue.AddDays(1), DateTimeOffset.MaxValue.AddDays(-1), 1 },
        { null, new DateTimeOffset(1600, 1, 1, 0, 0, 0, TimeSpan.Zero), 0 },
    };

    [Theory]
    [MemberData(nameof(FarBounds))]
    public async Task QueryLogsAsync_BoundOutsideNanosecondRange_SaturatesInsteadOfWrapping(DateTimeOffset? from, DateTimeOffset? to, int expected)
    {
        // Arrange
        await WriteLogsAsync(Some.Log("now", time: Some.BaseTime));

        // Act
        var read = await Store.QueryLogsAsync(new LogQuery { From = from, To = to });

        // Assert
        Assert.Equal(expected, read.Count);
    }

    [Theory]
    [MemberData(nameof(FarBounds))]
    public async Task QueryTracesAsync_BoundOutsideNanosecondRange_SaturatesInsteadOfWrapping(DateTimeOffset? from, DateTimeOffset? to, int expected)
    {
        // Arrange
        await WriteSpansAsync(Some.Span(1, 1, start: Some.BaseTime));

        // Act
        var read = await Store.QueryTracesAsync(new TraceQuery { From = from, To = to });

        // Assert
        Assert.Equal(expected, read.Count);
    }

    [Fact]
    public async Task QueryTracesAsync_MinDurationBeyondNanosecondRange_MatchesNothing()
    {
        // Arrange
        await WriteSpansAsync(Some.Span(1, 1, start: Some.BaseTime, duration: TimeSpan.FromSeconds(1)));

        // Act
        var read = await Store.QueryTracesAsync(new TraceQuery { MinDuration = TimeSpan.FromDays(200_000) });

        // Assert
        Assert.Empty(read);
    }
}
