using Vigil.Logging;

namespace Vigil.Tests.Logging;

public sealed class MessageTemplateTests
{
    [Theory]
    [InlineData("Order {OrderId} placed", "OrderId", true)]
    [InlineData("Took {Elapsed:N2} ms", "Elapsed", true)]
    [InlineData("Aligned {Name,10}", "Name", true)]
    [InlineData("Captured {@Order}", "Order", true)]
    [InlineData("Stringified {$Order}", "Order", true)]
    [InlineData("Order {OrderId} placed", "Order", false)]
    [InlineData("Order {OrderId} placed", "orderid", false)]
    [InlineData("No holes here", "OrderId", false)]
    [InlineData("Unclosed {OrderId", "OrderId", false)]
    [InlineData("{A} then {B}", "B", true)]
    public void HasPlaceholder_Template_FindsOnlyWholeHoleNames(string template, string name, bool expected)
    {
        // Act
        var found = MessageTemplate.HasPlaceholder(template, name);

        // Assert
        Assert.Equal(expected, found);
    }

    [Fact]
    public void HasPlaceholder_NullTemplate_IsFalse()
    {
        // Act
        var found = MessageTemplate.HasPlaceholder(null, "Any");

        // Assert
        Assert.False(found);
    }
}
