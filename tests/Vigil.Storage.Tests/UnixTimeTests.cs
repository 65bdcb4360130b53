using Vigil.Model;

namespace Vigil.Storage.Tests;

/// <summary>The one Unix-nanosecond conversion the store and the server's OTLP mapping share.</summary>
public sealed class UnixTimeTests
{
    [Fact]
    public void ToNanoseconds_InsideTheRange_ExactToTheTick()
    {
        var time = new DateTimeOffset(2026, 12, 2, 1, 2, 3, TimeSpan.FromHours(2)).AddTicks(7);

        var nanoseconds = UnixTime.ToNanoseconds(time);

        Assert.Equal((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100, nanoseconds);
        Assert.Equal(time, UnixTime.FromNanoseconds(nanoseconds));
        Assert.Equal(0, UnixTime.ToNanoseconds(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void ToNanoseconds_OutsideSixteenSeventySevenToTwentyTwoSixtyTwo_Saturates()
    {
        Assert.Equal(long.MaxValue, UnixTime.ToNanoseconds(DateTimeOffset.MaxValue));
        Assert.Equal(long.MaxValue, UnixTime.ToNanoseconds(new DateTimeOffset(2263, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(long.MinValue, UnixTime.ToNanoseconds(DateTimeOffset.MinValue));
        Assert.Equal(long.MinValue, UnixTime.ToNanoseconds(new DateTimeOffset(1677, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(long.MaxValue, UnixTime.ToNanoseconds(TimeSpan.MaxValue));
    }

    [Fact]
    public void FromNanoseconds_Bounds_AreSixteenSeventySevenAndTwentyTwoSixtyTwo()
    {
        Assert.Equal(new DateTimeOffset(2262, 4, 11, 23, 47, 16, TimeSpan.Zero).AddTicks(8547758), UnixTime.FromNanoseconds(long.MaxValue));
        Assert.Equal(new DateTimeOffset(1677, 9, 21, 0, 12, 43, TimeSpan.Zero).AddTicks(1452242), UnixTime.FromNanoseconds(long.MinValue));
    }

    [Fact]
    public void FromNanoseconds_UnsignedPastTwentyTwoSixtyTwo_SaturatesWhereTheStoreDoes()
    {
        Assert.Equal(UnixTime.FromNanoseconds(long.MaxValue), UnixTime.FromNanoseconds(ulong.MaxValue));
        Assert.Equal(UnixTime.FromNanoseconds(long.MaxValue), UnixTime.FromNanoseconds((ulong)long.MaxValue + 1));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1544712660), UnixTime.FromNanoseconds(1544712660000000000UL));
        Assert.InRange(UnixTime.ToNanoseconds(UnixTime.FromNanoseconds(ulong.MaxValue)), long.MaxValue - 99, long.MaxValue);
    }

    [Fact]
    public void DurationFromNanoseconds_TruncatesToTheTick() =>
        Assert.Equal(TimeSpan.FromTicks(12), UnixTime.DurationFromNanoseconds(1_299));
}
