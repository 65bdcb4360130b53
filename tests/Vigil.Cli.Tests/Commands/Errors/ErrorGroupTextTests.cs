using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Commands.Errors;
using Vigil.Cli.Output;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Errors;

public sealed class ErrorGroupTextTests
{
    private static readonly ErrorGroup s_group = new()
    {
        Id = 7,
        Type = "Orders.PaymentDeclinedException",
        Message = "Card declined\nretry later",
        Count = 40,
        Severity = ErrorSeverity.Medium,
        BaseSeverity = ErrorSeverity.Medium,
    };

    [Fact]
    public void Status_Regression_CalledRegressed()
    {
        var status = ErrorGroupText.Status(s_group with { IsRegression = true }, Palette.Plain);

        Assert.Equal("regressed", status.Text);
    }

    [Theory]
    [InlineData(true, "high↑")]
    [InlineData(false, "high^")]
    public void Severity_Raised_MarkedWithArrow(bool unicode, string expected)
    {
        var severity = ErrorGroupText.Severity(s_group with { Severity = ErrorSeverity.High, SeverityRaised = true }, Palette.Plain, unicode);

        Assert.Equal(expected, severity.Text);
    }

    [Fact]
    public void Title_MultilineMessage_FirstLineOnly()
    {
        Assert.Equal("Orders.PaymentDeclinedException: Card declined …", ErrorGroupText.Title(s_group));
    }

    [Fact]
    public void Title_NoMessage_TypeAlone()
    {
        Assert.Equal("Orders.PaymentDeclinedException", ErrorGroupText.Title(s_group with { Message = null }));
    }

    [Fact]
    public void StateLine_IgnoredWithBothLimits_SaysBoth()
    {
        var group = s_group with { Status = ErrorGroupStatus.Ignored, IgnoredUntilCount = 50, IgnoredUntil = CliHarness.Now.AddHours(3) };

        var line = ErrorGroupText.StateLine(group, new FakeTimeProvider(CliHarness.Now));

        Assert.Equal("#7 ignored for 10 more events (until event 50) or until 2026-11-23 15:00:00Z (in 3h): Orders.PaymentDeclinedException: Card declined …", line);
    }

    [Fact]
    public void StateLine_ResolvedInNextRelease_SaysSo()
    {
        var line = ErrorGroupText.StateLine(s_group with { Status = ErrorGroupStatus.Resolved, ResolvedInNextRelease = true }, new FakeTimeProvider(CliHarness.Now));

        Assert.StartsWith("#7 resolved in the next release: ", line, StringComparison.Ordinal);
    }
}
