using Vigil.Tracing;

namespace Vigil.Tests.Tracing;

public sealed class SourceNameFilterTests
{
    [Theory]
    [InlineData("Shop.Orders", "Shop.Orders", true)]
    [InlineData("Shop.Orders", "shop.orders", true)]
    [InlineData("Shop.Orders", "Shop.Orders.Db", false)]
    [InlineData("Shop.*", "Shop.Orders.Db", true)]
    [InlineData("Shop.*", "Shopping", false)]
    [InlineData("*", "Anything.At.All", true)]
    [InlineData("Shop.*.Db", "Shop.Orders.Db", true)]
    [InlineData("Shop.?", "Shop.A", true)]
    [InlineData("Shop.?", "Shop.AB", false)]
    [InlineData("Shop(1)+[x]", "Shop(1)+[x]", true)]
    [InlineData("Shop(1)+[x]", "Shop1x", false)]
    [InlineData("Shop\\Orders", "Shop\\Orders", true)]
    [InlineData("Shop\\*", "Shop\\Orders", true)]
    [InlineData("Shop\\*", "Shop.Orders", false)]
    [InlineData("Shop.Orders", "", false)]
    [InlineData("*", "", true)]
    public void Create_Pattern_MatchesAsOpenTelemetryAddSourceDoes(string pattern, string name, bool expected)
    {
        // Act
        var isTraced = SourceNameFilter.Create([pattern]);

        // Assert
        Assert.Equal(expected, isTraced(name));
    }

    [Fact]
    public void Create_SeveralNames_AnyMatches()
    {
        // Act
        var isTraced = SourceNameFilter.Create(["Vigil", "Shop.*"]);

        // Assert
        Assert.True(isTraced("Vigil"));
        Assert.True(isTraced("Shop.Cart"));
        Assert.False(isTraced("Vigil.Other"));
    }
}
