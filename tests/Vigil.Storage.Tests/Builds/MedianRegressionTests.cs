using Vigil.Storage.Builds;

namespace Vigil.Storage.Tests.Builds;

/// <summary>The one slower-than-median rule budgets and the builds view share, worked by hand.</summary>
public sealed class MedianRegressionTests
{
    [Fact]
    public void Median_OddAndEvenCounts_MiddleOrMeanOfTheMiddleTwo()
    {
        Assert.Equal(11, MedianRegression.Median([13, 10, 11]));
        Assert.Equal(11.5, MedianRegression.Median([10, 13, 12, 11]));
    }

    [Fact]
    public void IsOver_AtTheLimit_IsNotOverAndJustAboveIs()
    {
        // Median 10 s, +20 %: 12 s is the limit itself.
        Assert.Equal(12, MedianRegression.Limit([10, 9, 11], 20), 9);
        Assert.False(MedianRegression.IsOver(12, [10, 9, 11], 20));
        Assert.True(MedianRegression.IsOver(12.001, [10, 9, 11], 20));
    }

    [Fact]
    public void IsOver_NoEarlierRun_NeverOver()
    {
        Assert.False(MedianRegression.IsOver(1_000, [], 20));
    }
}
