using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Events without a usable stack: the type and the message with its variable parts replaced.</summary>
public sealed class ExceptionFingerprinterMessageTests
{
    [Theory]
    [InlineData("Order 42 not found", "Order 987654 not found")]
    [InlineData("User 3f2504e0-4f89-11d3-9a0c-0305e82c3301 is locked", "User 9b2e1c4a-0000-4d3b-8f00-aa0000000001 is locked")]
    [InlineData("Cannot reach https://api.shop.example/v1/orders?id=1", "Cannot reach https://api.shop.example/v1/orders?id=2")]
    [InlineData("Mail to ann@example.com bounced", "Mail to bob.smith+x@mail.example.org bounced")]
    [InlineData("Connection refused 10.0.0.12:5432", "Connection refused 192.168.1.7:6543")]
    [InlineData("Token expired at 2026-11-24T01:02:03.456Z", "Token expired at 2025-01-01T00:00:00+02:00")]
    [InlineData("Could not find file '/var/data/a.json'", "Could not find file '/var/data/b.json'")]
    [InlineData("Access denied to /var/lib/vigil/store.db", "Access denied to /home/ann/vigil/other.db")]
    [InlineData(@"Access denied to C:\data\store.db", @"Access denied to D:\other\store2.db")]
    [InlineData("Bad object at 0x7ffe12ab", "Bad object at 0x00001234")]
    [InlineData("Hash deadbeef01 mismatch", "Hash 0a1b2c3d4e mismatch")]
    [InlineData("Key \"alpha\" missing", "Key \"beta\" missing")]
    public void Compute_MessagesDifferOnlyInVariableParts_SameGroup(string first, string second)
    {
        // Arrange
        var a = new ExceptionDetails { Type = "Shop.OrderException", Message = first };
        var b = new ExceptionDetails { Type = "Shop.OrderException", Message = second };

        // Act
        var fa = a.Fingerprint();
        var fb = b.Fingerprint();

        // Assert
        Assert.Equal(FingerprintMethod.Message, fa.Method);
        Assert.True(fa.Value == fb.Value, string.Join(" | ", fa.Components) + " vs " + string.Join(" | ", fb.Components));
    }

    [Fact]
    public void Compute_MessageNormalized_UsesPlaceholders()
    {
        // Act
        var fingerprint = new ExceptionDetails
        {
            Type = "Shop.OrderException",
            Message = "Order 42 for ann@example.com from 10.0.0.1 at 2026-11-24T01:02:03Z: 'x'",
        }.Fingerprint();

        // Assert
        Assert.Equal(
            ["type:Shop.OrderException", "message:Order <num> for <email> from <ip> at <timestamp>: <str>"],
            fingerprint.Components);
        Assert.Null(fingerprint.Culprit);
    }

    [Fact]
    public void Compute_SameMessageDifferentTypes_DifferentGroups()
    {
        // Arrange
        var a = new ExceptionDetails { Type = "System.TimeoutException", Message = "Operation 7 failed" };
        var b = new ExceptionDetails { Type = "System.IO.IOException", Message = "Operation 7 failed" };

        // Act / Assert
        Assert.NotEqual(a.Fingerprint().Value, b.Fingerprint().Value);
    }

    [Fact]
    public void Compute_DifferentWordsInMessage_DifferentGroups()
    {
        // Arrange
        var a = new ExceptionDetails { Type = "Shop.OrderException", Message = "Order 1 not found" };
        var b = new ExceptionDetails { Type = "Shop.OrderException", Message = "Order 1 already shipped" };

        // Act / Assert
        Assert.NotEqual(a.Fingerprint().Value, b.Fingerprint().Value);
    }

    [Fact]
    public void Compute_NeverThrownException_HeaderOnlyTextFallsBackToMessage()
    {
        // Arrange: ToString() of an exception that was created but never thrown has no frames.
        var details = Captured.Of(new InvalidOperationException("Queue 12 is full"));

        // Act
        var fingerprint = details.Fingerprint();

        // Assert
        Assert.Equal(FingerprintMethod.Message, fingerprint.Method);
        Assert.Equal(["type:System.InvalidOperationException", "message:Queue <num> is full"], fingerprint.Components);
    }

    [Fact]
    public void Compute_MessagesAgreeingOnTheFirstKilobyte_SameGroup()
    {
        // Arrange: a long message whose tail differs in words, not only in variable parts.
        var head = string.Concat(Enumerable.Repeat("word ", MessageNormalizer.MaxLength / 5 + 1))[..MessageNormalizer.MaxLength];
        var a = new ExceptionDetails { Type = "E", Message = head + " first tail" };
        var b = new ExceptionDetails { Type = "E", Message = head + " another ending" };

        // Act + Assert
        Assert.Equal(a.Fingerprint().Value, b.Fingerprint().Value);
    }

    [Fact]
    public void Compute_MessagesDifferingWithinTheFirstKilobyte_DifferentGroups()
    {
        // Arrange
        var tail = new string('x', MessageNormalizer.MaxLength);
        var a = new ExceptionDetails { Type = "E", Message = "Stock missing " + tail };
        var b = new ExceptionDetails { Type = "E", Message = "Price missing " + tail };

        // Act + Assert
        Assert.NotEqual(a.Fingerprint().Value, b.Fingerprint().Value);
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("a-")]
    [InlineData("1:")]
    public void Normalize_HostileMegabyteMessage_ReadsOnlyTheFirstKilobyte(string unit)
    {
        // Arrange: runs that the URL and address shapes would rescan from every word boundary.
        var message = string.Concat(Enumerable.Repeat(unit, 1024 * 1024 / unit.Length));

        // Act
        var normalized = MessageNormalizer.Normalize(message);

        // Assert
        Assert.Equal(MessageNormalizer.Normalize(message[..MessageNormalizer.MaxLength]), normalized);
    }

    [Fact]
    public void Normalize_CutFallsInsideASurrogatePair_KeepsValidText()
    {
        // Arrange: an emoji (two UTF-16 units) straddling the cut.
        var message = new string('a', MessageNormalizer.MaxLength - 1) + "\U0001F600" + "tail";

        // Act
        var normalized = MessageNormalizer.Normalize(message);

        // Assert
        Assert.False(char.IsHighSurrogate(normalized[^1]));
        Assert.Equal(new string('a', MessageNormalizer.MaxLength - 1), normalized);
    }
}
