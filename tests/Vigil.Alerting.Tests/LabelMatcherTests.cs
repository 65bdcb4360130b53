using Vigil.Model;

namespace Vigil.Alerting.Tests;

/// <summary>The one matcher grammar that silences, routes, inhibition, the API and the CLI share.</summary>
public sealed class LabelMatcherTests
{
    private static readonly AlertLabels s_labels = AlertLabels.From(new Dictionary<string, string>
    {
        ["service.name"] = "shop",
        ["severity"] = "critical",
        ["alertname"] = "HighErrors",
    });

    [Theory]
    [InlineData("service.name=shop", true)]
    [InlineData("service.name = shop", true)]
    [InlineData("service.name=\"shop\"", true)]
    [InlineData("service.name=cart", false)]
    [InlineData("service.name!=cart", true)]
    [InlineData("service.name!=shop", false)]
    [InlineData("severity=~crit.*", true)]
    [InlineData("severity=~crit", false)]
    [InlineData("severity!~warn|info", true)]
    [InlineData("missing=", true)]
    [InlineData("missing!=", false)]
    [InlineData("alertname=~\"High.*|Low\"", true)]
    public void Parses_AndMatches_AsAlertmanagerDoes(string text, bool expected)
    {
        Assert.True(LabelMatcher.TryParse(text, out var matcher, out var problem), problem);
        Assert.Equal(expected, matcher!.Matches(s_labels));
    }

    [Theory]
    [InlineData("", "is not a matcher")]
    [InlineData("=shop", "is not a matcher")]
    [InlineData("service", "is not a matcher")]
    [InlineData("service!", "is not a matcher")]
    [InlineData("9lives=x", "is not a label name")]
    [InlineData("ser vice=x", "is not a label name")]
    [InlineData("service=\"shop", "not closed")]
    [InlineData("service=\"shop\"extra", "not closed")]
    [InlineData("service=~(a", "is not a regular expression")]
    [InlineData(@"service=~(a)\1", "backreferences")]
    [InlineData("service=~(?=a)a", "lookarounds")]
    public void RefusesBadText_WithAMessage(string text, string expected)
    {
        Assert.False(LabelMatcher.TryParse(text, out var matcher, out var problem));
        Assert.Null(matcher);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesOversizedText()
    {
        Assert.False(LabelMatcher.TryParse("a=" + new string('x', LabelMatcher.MaxLength), out _, out var problem));
        Assert.Contains("longer than", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostilePattern_RunsInLinearTime_AndStillAnswers()
    {
        // (a+)+$ against "aaaa…b" takes exponential time with backtracking; NonBacktracking answers at once.
        Assert.True(LabelMatcher.TryParse("v=~(a+)+", out var matcher, out _));
        var labels = AlertLabels.From([new("v", new string('a', 500) + "b")]);
        Assert.False(matcher!.Matches(labels));
    }

    [Theory]
    [InlineData("service.name=shop")]
    [InlineData("a!=\"x \\\"y\\\" \\\\ z\"")]
    [InlineData("a!~\"x|\\\"y\"")]
    [InlineData("b=~.*")]
    public void ToString_ParsesBack_ToAnEqualMatcher(string text)
    {
        Assert.True(LabelMatcher.TryParse(text, out var matcher, out _));
        Assert.True(LabelMatcher.TryParse(matcher!.ToString(), out var again, out var problem), problem);
        Assert.Equal(matcher, again);
    }

    [Fact]
    public void Labels_AreSorted_ComparedByContent_AndDropEmptyValues()
    {
        var a = AlertLabels.From([new("b", "2"), new("a", "1"), new("c", "")]);
        var b = AlertLabels.From([new("a", "1"), new("b", "2")]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(["a", "b"], a.Keys);
        Assert.Equal("{a=\"1\", b=\"2\"}", a.ToString());
        Assert.Equal("{a=\"1\", b=\"x\\\"y\"}", a.With([new("b", "x\"y")]).ToString());
        Assert.False(a.ContainsKey("c"));
    }

    [Fact]
    public void Silence_IsPendingActiveThenExpired_AndSilencesOnlyWhenActive()
    {
        Assert.True(LabelMatcher.TryParse("service.name=shop", out var matcher, out _));
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var silence = new Silence { Matchers = [matcher!], StartsAt = start, EndsAt = start.AddHours(2) };
        Assert.Equal(SilenceState.Pending, silence.StateAt(start.AddMinutes(-1)));
        Assert.False(silence.Silences(s_labels, start.AddMinutes(-1)));
        Assert.Equal(SilenceState.Active, silence.StateAt(start));
        Assert.True(silence.Silences(s_labels, start.AddHours(1)));
        Assert.Equal(SilenceState.Expired, silence.StateAt(start.AddHours(2)));
        Assert.False(silence.Silences(s_labels, start.AddHours(2)));
        Assert.False((silence with { Matchers = [] }).Silences(s_labels, start.AddHours(1)));
    }
}
