using Vigil.Alerting.Slos;

namespace Vigil.Alerting.Tests.Slos;

public sealed class SloMathTests
{
    [Fact]
    public void BurnRate_PointTwoPercentErrorsAgainstNinetyNinePointNine_IsTwo()
    {
        // Arrange: 2 of 1,000 requests failed; the budget is 0.1 %.
        var events = new SloEvents(998, 1000);

        // Act
        var burn = SloMath.BurnRate(events, 0.999);

        // Assert
        Assert.NotNull(burn);
        Assert.Equal(2, burn.Value, 9);
        Assert.Equal(0.998, SloMath.Attainment(events)!.Value, 12);
        Assert.Equal(-1, SloMath.BudgetRemaining(events, 0.999)!.Value, 9);
    }

    [Fact]
    public void BudgetRemaining_FifthOfTheBudgetSpent_IsFourFifths()
    {
        // Arrange: 2 failures in 10,000 against a 0.1 % budget spend 20 % of it.
        var events = new SloEvents(9998, 10000);

        // Act
        var remaining = SloMath.BudgetRemaining(events, 0.999);

        // Assert
        Assert.Equal(0.8, remaining!.Value, 9);
    }

    [Fact]
    public void Everything_NoEvents_IsUnknownNotPerfect()
    {
        // Act + Assert: no traffic means nothing was measured; 100 % would claim a success nobody saw.
        Assert.Null(SloEvents.None.ErrorRatio);
        Assert.Null(SloMath.Attainment(SloEvents.None));
        Assert.Null(SloMath.BurnRate(SloEvents.None, 0.999));
        Assert.Null(SloMath.BudgetRemaining(SloEvents.None, 0.999));
    }

    [Fact]
    public void Events_MoreGoodThanTotal_CountsNoBadEvents()
    {
        // Arrange: two counters read a moment apart can say so.
        var events = new SloEvents(1001, 1000);

        // Act + Assert
        Assert.Equal(0, events.Bad);
        Assert.Equal(0, SloMath.BurnRate(events, 0.99));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void CheckObjective_NoBudgetOrOutOfRange_Throws(double objective)
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => SloMath.CheckObjective(objective));
        Assert.Throws<ArgumentOutOfRangeException>(() => SloMath.BurnRate(new SloEvents(1, 1), objective));
    }

    [Fact]
    public void IsActive_BothWindowsMustExceedTheFactor()
    {
        // Arrange
        var page = BurnRateWindow.Defaults[0];

        // Act + Assert: the long window alone (a burn that stopped) or the short alone (a blip) does not page.
        Assert.Equal((14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)), (page.Factor, page.LongWindow, page.ShortWindow));
        Assert.True(page.IsActive(15, 15));
        Assert.False(page.IsActive(15, 14.4));
        Assert.False(page.IsActive(14.4, 15));
        Assert.False(page.IsActive(null, 20));
        Assert.False(page.IsActive(20, null));
    }

    [Fact]
    public void Defaults_AreTheSreWorkbooks()
    {
        // Act
        var defaults = BurnRateWindow.Defaults.Select(a => (a.Severity, a.Factor, a.LongWindow, a.ShortWindow)).ToList();

        // Assert
        Assert.Equal(
            [
                ("page", 14.4, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
                ("page", 6.0, TimeSpan.FromHours(6), TimeSpan.FromMinutes(30)),
                ("ticket", 1.0, TimeSpan.FromDays(3), TimeSpan.FromHours(6)),
            ],
            defaults);
    }
}
