using Vigil.Model;

namespace Vigil.Storage.Tests.ErrorTracking;

public sealed class SeverityClassifierTests
{
    private static readonly Dictionary<string, string> s_none = [];

    [Theory]
    [InlineData("Shop.Orders.ValidationError", ErrorSeverity.Low)]
    [InlineData("FluentValidation.ValidationException", ErrorSeverity.Low)]
    [InlineData("Shop.NetworkError", ErrorSeverity.Medium)]
    [InlineData("System.Net.Sockets.SocketException", ErrorSeverity.Medium)]
    [InlineData("System.Net.Http.HttpRequestException", ErrorSeverity.Medium)]
    [InlineData("Shop.DatabaseError", ErrorSeverity.High)]
    [InlineData("Microsoft.Data.SqlClient.SqlException", ErrorSeverity.High)]
    [InlineData("Microsoft.EntityFrameworkCore.DbUpdateException", ErrorSeverity.High)]
    [InlineData("System.Data.Common.DbException", ErrorSeverity.High)]
    [InlineData("Shop.SecurityError", ErrorSeverity.Critical)]
    [InlineData("System.Security.SecurityException", ErrorSeverity.Critical)]
    [InlineData("System.UnauthorizedAccessException", ErrorSeverity.Critical)]
    [InlineData("System.Security.Cryptography.CryptographicException", ErrorSeverity.Critical)]
    [InlineData("Shop.DataLossException", ErrorSeverity.Critical)]
    [InlineData("System.InvalidOperationException", ErrorSeverity.Medium)]
    [InlineData("KeyError", ErrorSeverity.Medium)]
    [InlineData("", ErrorSeverity.Medium)]
    public void Classify_DefaultRules_GiveTheDocumentedSeverity(string type, ErrorSeverity expected)
    {
        // Act
        var severity = SeverityClassifier.Classify(type, "checkout", s_none, ErrorTrackingOptions.Default);

        // Assert
        Assert.Equal(expected, severity);
    }

    [Fact]
    public void Classify_CustomRuleByType_WinsOverDefaults()
    {
        // Arrange: the short name matches too, case-insensitively.
        var options = new ErrorTrackingOptions { SeverityRules = [new() { Type = "sqlexception", Severity = ErrorSeverity.Low }] };

        // Act
        var severity = SeverityClassifier.Classify("Microsoft.Data.SqlClient.SqlException", null, s_none, options);

        // Assert
        Assert.Equal(ErrorSeverity.Low, severity);
    }

    [Fact]
    public void Classify_CustomRuleByService_MatchesOnlyThatService()
    {
        // Arrange
        var options = new ErrorTrackingOptions { SeverityRules = [new() { Service = "payments", Severity = ErrorSeverity.Critical }] };

        // Act
        var payments = SeverityClassifier.Classify("System.InvalidOperationException", "payments", s_none, options);
        var other = SeverityClassifier.Classify("System.InvalidOperationException", "Payments", s_none, options);
        var none = SeverityClassifier.Classify("System.InvalidOperationException", null, s_none, options);

        // Assert
        Assert.Equal(ErrorSeverity.Critical, payments);
        Assert.Equal(ErrorSeverity.Medium, other);
        Assert.Equal(ErrorSeverity.Medium, none);
    }

    [Fact]
    public void Classify_CustomRuleByAttribute_MatchesTheValueExactly()
    {
        // Arrange
        var options = new ErrorTrackingOptions
        {
            SeverityRules = [new() { Attribute = new("tenant.tier", "gold"), Severity = ErrorSeverity.High }],
            DefaultSeverity = ErrorSeverity.Low,
        };

        // Act
        var gold = SeverityClassifier.Classify("Shop.Oops", null, new Dictionary<string, string> { ["tenant.tier"] = "gold" }, options);
        var silver = SeverityClassifier.Classify("Shop.Oops", null, new Dictionary<string, string> { ["tenant.tier"] = "silver" }, options);

        // Assert
        Assert.Equal(ErrorSeverity.High, gold);
        Assert.Equal(ErrorSeverity.Low, silver);
    }

    [Fact]
    public void Classify_RuleWithSeveralConditions_NeedsAllOfThem()
    {
        // Arrange
        var options = new ErrorTrackingOptions
        {
            SeverityRules = [new() { Type = "System.*", Service = "api", Severity = ErrorSeverity.High }],
        };

        // Act
        var both = SeverityClassifier.Classify("System.TimeoutException", "api", s_none, options);
        var typeOnly = SeverityClassifier.Classify("System.TimeoutException", "worker", s_none, options);

        // Assert
        Assert.Equal(ErrorSeverity.High, both);
        Assert.Equal(ErrorSeverity.Medium, typeOnly);
    }

    [Fact]
    public void Classify_FirstMatchingCustomRule_Wins()
    {
        // Arrange
        var options = new ErrorTrackingOptions
        {
            SeverityRules = [new() { Type = "*Timeout*", Severity = ErrorSeverity.Low }, new() { Type = "System.*", Severity = ErrorSeverity.Critical }],
        };

        // Act
        var severity = SeverityClassifier.Classify("System.TimeoutException", null, s_none, options);

        // Assert
        Assert.Equal(ErrorSeverity.Low, severity);
    }

    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("*", "", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("System.*", "System.IO.IOException", true)]
    [InlineData("System.*", "MySystem.IO", false)]
    [InlineData("*Exception", "FooException", true)]
    [InlineData("*Exception", "FooExceptionBar", false)]
    [InlineData("*a*b*c*", "xxaxxbxxcxx", true)]
    [InlineData("*a*b*c*", "xxaxxcxxbxx", false)]
    [InlineData("A?B", "A?B", true)]
    [InlineData("A?B", "AxB", false)]
    [InlineData("[a]", "[a]", true)]
    [InlineData("**", "x", true)]
    [InlineData("VALIDATION", "validation", true)]
    public void Glob_Patterns_MatchOnlyStarAsWildcard(string pattern, string text, bool expected)
    {
        // Act
        var matched = Glob.IsMatch(pattern, text);

        // Assert
        Assert.Equal(expected, matched);
    }

    [Fact]
    public void Glob_PathologicalPattern_StillAnswers()
    {
        // Arrange: a pattern that makes naive backtracking exponential.
        var pattern = string.Concat(Enumerable.Repeat("*a", 30)) + "b";
        var text = new string('a', 5_000);

        // Act
        var matched = Glob.IsMatch(pattern, text);

        // Assert
        Assert.False(matched);
    }
}
