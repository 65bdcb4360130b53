using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>Signed, expiring acknowledgement links: made, checked, and refused when altered, expired or malformed.</summary>
public sealed class AcknowledgementLinksTests
{
    private static readonly Uri s_base = new("http://127.0.0.1:4320");

    private static (long Id, string Expires, string Signature) Parts(Uri link)
    {
        var query = QueryHelpers.ParseQuery(link.Query);
        var id = long.Parse(link.Segments[^2].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
        return (id, query["expires"].ToString(), query["signature"].ToString());
    }

    [Fact]
    public void Check_LinkAsMade_IsValidUntilItExpires()
    {
        var links = new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1));
        var link = links.Create(s_base, 42, Some.Start);
        Assert.StartsWith("http://127.0.0.1:4320/api/alerts/42/ack-link?expires=", link.ToString(), StringComparison.Ordinal);
        var (id, expires, signature) = Parts(link);

        Assert.Equal(42, id);
        Assert.Equal(AcknowledgementLinkCheck.Valid, links.Check(id, expires, signature, Some.Start + TimeSpan.FromMinutes(59)));
        Assert.Equal(AcknowledgementLinkCheck.Expired, links.Check(id, expires, signature, Some.Start + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Check_AlteredIdExpiryOrSignature_IsTampered()
    {
        var links = new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1));
        var (id, expires, signature) = Parts(links.Create(s_base, 42, Some.Start));
        var later = (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var flipped = (signature[0] == 'A' ? "B" : "A") + signature[1..];

        Assert.Equal(AcknowledgementLinkCheck.Tampered, links.Check(43, expires, signature, Some.Start));
        Assert.Equal(AcknowledgementLinkCheck.Tampered, links.Check(id, later, signature, Some.Start));
        Assert.Equal(AcknowledgementLinkCheck.Tampered, links.Check(id, expires, flipped, Some.Start));
        var otherKey = new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1));
        Assert.Equal(AcknowledgementLinkCheck.Tampered, otherKey.Check(id, expires, signature, Some.Start));
    }

    [Theory]
    [InlineData(null, "abc")]
    [InlineData("", "abc")]
    [InlineData("-5", "abc")]
    [InlineData("12.5", "abc")]
    [InlineData("99999999999999999999999", "abc")]
    [InlineData("1700000000", null)]
    [InlineData("1700000000", "")]
    public void Check_MissingOrMalformedParts_IsMalformed(string? expires, string? signature)
    {
        var links = new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1));

        Assert.Equal(AcknowledgementLinkCheck.Malformed, links.Check(1, expires, signature, Some.Start));
    }

    [Fact]
    public void Check_HugeSignature_IsMalformedNotCompared()
    {
        var links = new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1));

        Assert.Equal(AcknowledgementLinkCheck.Malformed, links.Check(1, "1700000000", new string('a', 100_000), Some.Start));
    }

    [Fact]
    public void LoadOrCreateKey_SecondLoad_ReadsTheSameKeyOwnerOnly()
    {
        using var directory = new TempDirectory();
        var first = AcknowledgementLinks.LoadOrCreateKey(directory.Path);
        var second = AcknowledgementLinks.LoadOrCreateKey(directory.Path);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.Combine(AcknowledgementLinks.KeyFileName)));
        }
    }

    [Fact]
    public void Constructor_ShortKey_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new AcknowledgementLinks(new byte[16], TimeSpan.FromHours(1)));
}
