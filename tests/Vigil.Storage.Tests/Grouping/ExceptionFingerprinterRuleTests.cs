using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Explicit fingerprints, merge and split rules, and in-app configuration.</summary>
public sealed class ExceptionFingerprinterRuleTests
{
    private static ExceptionDetails Checkout(IReadOnlyDictionary<string, string>? attributes = null)
    {
        var details = Captured.From(() => ThrowSite.FromCheckout(1));
        return new() { Type = details.Type, Message = details.Message, StackTrace = details.StackTrace, Attributes = attributes ?? new Dictionary<string, string>() };
    }

    [Theory]
    [InlineData("vigil.fingerprint")]
    [InlineData("error.fingerprint")]
    public void Compute_ExplicitAttribute_OverridesStack(string attribute)
    {
        // Arrange
        var a = Checkout(new Dictionary<string, string> { [attribute] = "payments-down" });
        var b = new ExceptionDetails { Type = "Other", Message = "x", Attributes = new Dictionary<string, string> { [attribute] = "payments-down" } };

        // Act
        var fa = a.Fingerprint();
        var fb = b.Fingerprint();

        // Assert
        Assert.Equal(FingerprintMethod.Explicit, fa.Method);
        Assert.Equal(["explicit:payments-down"], fa.Components);
        Assert.Equal(fa.Value, fb.Value);
        Assert.Equal("Vigil.Storage.Tests.Grouping.ThrowSite.Fail", fa.Culprit);
    }

    [Fact]
    public void Compute_TrackedOperationFrames_NotInApp()
    {
        // Arrange: the same failure with and without Vigil's tracking frame between the application's.
        const string Header = "System.InvalidOperationException: Out of stock";
        var tracked = new ExceptionDetails
        {
            StackTrace = Header + "\n   at Shop.Checkout.PayAsync()\n   at Vigil.OperationTracker.TrackAsync(String operation, Func`2 work)\n   at Shop.Api.HandleAsync()",
        };
        var plain = new ExceptionDetails { StackTrace = Header + "\n   at Shop.Checkout.PayAsync()\n   at Shop.Api.HandleAsync()" };

        // Act
        var fingerprint = tracked.Fingerprint();

        // Assert
        Assert.Equal(plain.Fingerprint().Value, fingerprint.Value);
        Assert.DoesNotContain(fingerprint.Components, c => c.Contains("OperationTracker", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_BlankExplicitAttribute_Ignored()
    {
        // Act
        var fingerprint = Checkout(new Dictionary<string, string> { ["vigil.fingerprint"] = " " }).Fingerprint();

        // Assert
        Assert.Equal(FingerprintMethod.StackTrace, fingerprint.Method);
    }

    [Fact]
    public void Compute_MergeRuleByType_MapsGroupsToOne()
    {
        // Arrange
        var options = new FingerprintOptions
        {
            Rules = [new GroupingRule { Types = ["System.TimeoutException", "System.Threading.Tasks.TaskCanceledException"], MergeInto = "timeouts" }],
        };
        var a = new ExceptionDetails { Type = "System.TimeoutException", Message = "a" };
        var b = new ExceptionDetails { Type = "System.Threading.Tasks.TaskCanceledException", Message = "b" };

        // Act
        var fa = a.Fingerprint(options);
        var fb = b.Fingerprint(options);

        // Assert
        Assert.Equal(FingerprintMethod.Rule, fa.Method);
        Assert.Equal(fa.Value, fb.Value);
        Assert.Equal(["rule:timeouts"], fa.Components);
    }

    [Fact]
    public void Compute_MergeRuleByFingerprint_MapsTwoCallersToOne()
    {
        // Arrange
        var checkout = Checkout();
        var refund = Captured.From(() => ThrowSite.FromRefund(1));
        var options = new FingerprintOptions
        {
            Rules = [new GroupingRule { Fingerprints = [checkout.Fingerprint().Value, refund.Fingerprint().Value], MergeInto = "missing-key" }],
        };

        // Act / Assert
        Assert.Equal(checkout.Fingerprint(options).Value, refund.Fingerprint(options).Value);
    }

    [Fact]
    public void Compute_SplitRule_AddsAttributeValue()
    {
        // Arrange
        var options = new FingerprintOptions
        {
            Rules = [new GroupingRule { Types = ["System.Collections.Generic.KeyNotFoundException"], SplitByAttributes = ["tenant"] }],
        };
        var a = Checkout(new Dictionary<string, string> { ["tenant"] = "acme" });
        var b = Checkout(new Dictionary<string, string> { ["tenant"] = "globex" });
        var c = Checkout(new Dictionary<string, string> { ["tenant"] = "acme" });

        // Act
        var fa = a.Fingerprint(options);

        // Assert
        Assert.Equal(FingerprintMethod.Rule, fa.Method);
        Assert.Contains("attribute:tenant=acme", fa.Components);
        Assert.NotEqual(fa.Value, b.Fingerprint(options).Value);
        Assert.Equal(fa.Value, c.Fingerprint(options).Value);
    }

    [Fact]
    public void Compute_NoFrameInApp_UsesAllFrames()
    {
        // Arrange
        var options = new FingerprintOptions { InAppExcludePrefixes = ["System.", "Vigil."] };

        // Act
        var fingerprint = Checkout().Fingerprint(options);

        // Assert
        Assert.Equal(FingerprintMethod.StackTrace, fingerprint.Method);
        Assert.Contains("frame:Vigil.Storage.Tests.Grouping.ThrowSite.Fail", fingerprint.Components);
    }

    [Fact]
    public void Compute_IncludePrefix_WinsOverExclude()
    {
        // Arrange
        const string Text = """
            Npgsql.PostgresException: 23505: duplicate key
               at Npgsql.Internal.NpgsqlConnector.ReadMessage()
               at Shop.Data.OrderStore.InsertAsync(Order order)
            """;
        var options = new FingerprintOptions { InAppIncludePrefixes = ["Npgsql.Internal."] };

        // Act
        var defaults = new ExceptionDetails { StackTrace = Text }.Fingerprint();
        var included = new ExceptionDetails { StackTrace = Text }.Fingerprint(options);

        // Assert
        Assert.Equal(["type:Npgsql.PostgresException", "frame:Shop.Data.OrderStore.InsertAsync"], defaults.Components);
        Assert.Contains("frame:Npgsql.Internal.NpgsqlConnector.ReadMessage", included.Components);
    }
}
