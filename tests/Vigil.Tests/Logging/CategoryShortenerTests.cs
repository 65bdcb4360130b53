using Vigil.Logging;

namespace Vigil.Tests.Logging;

public sealed class CategoryShortenerTests
{
    [Theory]
    [InlineData("Shop.Orders", "Shop.Orders")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics.Internal", "M.A.Hosting.Diagnostics.Internal")]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command.Relational", "M.E.Database.Command.Relational")]
    [InlineData("Acme.Billing.Infrastructure.Persistence.Repositories.InvoiceRepository", "A.B.I.P.R.InvoiceRepository")]
    [InlineData("AVeryLongTypeNameWithoutAnyNamespaceAtAll", "AVeryLongTypeNameWithoutAnyNamespaceAtAll")]
    public void Shorten_Category_AbbreviatesLeadingSegmentsUntilItFits(string category, string expected)
    {
        // Arrange
        var shortener = new CategoryShortener();

        // Act
        var shortened = shortener.Shorten(category);

        // Assert
        Assert.Equal(expected, shortened);
    }
}
