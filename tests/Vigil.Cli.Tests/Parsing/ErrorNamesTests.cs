using Vigil.Cli.Parsing;
using Vigil.Model;

namespace Vigil.Cli.Tests.Parsing;

public sealed class ErrorNamesTests
{
    [Theory]
    [InlineData("unresolved", nameof(ErrorStatusFilter.Unresolved))]
    [InlineData("Resolved", nameof(ErrorStatusFilter.Resolved))]
    [InlineData(" IGNORED ", nameof(ErrorStatusFilter.Ignored))]
    [InlineData("all", nameof(ErrorStatusFilter.All))]
    public void TryParseStatus_Name_ReturnsFilter(string text, string expected)
    {
        Assert.True(ErrorNames.TryParseStatus(text, out var status, out _));
        Assert.Equal(expected, status.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("open")]
    [InlineData("0")]
    [InlineData("3")]
    public void TryParseStatus_Other_FailsListingChoices(string text)
    {
        Assert.False(ErrorNames.TryParseStatus(text, out _, out var error));
        Assert.Contains(ErrorNames.AcceptedStatuses, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low", ErrorSeverity.Low)]
    [InlineData("Medium", ErrorSeverity.Medium)]
    [InlineData("HIGH", ErrorSeverity.High)]
    [InlineData("critical", ErrorSeverity.Critical)]
    public void TryParseSeverity_Name_RoundTrips(string text, ErrorSeverity expected)
    {
        Assert.True(ErrorNames.TryParseSeverity(text, out var severity, out _));
        Assert.Equal(expected, severity);
        Assert.Equal(text.ToLowerInvariant(), ErrorNames.Severity(severity));
    }

    [Theory]
    [InlineData("")]
    [InlineData("urgent")]
    [InlineData("1")]
    public void TryParseSeverity_Other_FailsListingChoices(string text)
    {
        Assert.False(ErrorNames.TryParseSeverity(text, out _, out var error));
        Assert.Contains(ErrorNames.AcceptedSeverities, error, StringComparison.Ordinal);
    }
}
