using Vigil.Model;
using Vigil.Storage.Logs;

namespace Vigil.Storage.Tests.Logs;

public sealed class LogPatternsTests
{
    [Theory]
    [InlineData("order 17 shipped in 42 ms", "order <n> shipped in <n> ms")]
    [InlineData("took 3.5s, 1,024 rows at 10:42:07 from 10.0.0.1", "took <n>s, <n> rows at <n> from <n>")]
    [InlineData("user 3f2b8c1e-9a7d-4e6f-b5c4-0d1e2f3a4b5c signed in", "user <uuid> signed in")]
    [InlineData("trace 4bf92f3577b34da6a3ce929d0e0e4736 done", "trace <hex> done")]
    [InlineData("commit deadbeefcafe0 pushed", "commit <hex> pushed")]
    [InlineData("facade decade accede", "facade decade accede")] // hex letters only: words, not ids
    [InlineData("line one\nline two\tend", "line one line two end")]
    [InlineData("", "")]
    public void Mask_VaryingParts_AreMaskedAndWordsKept(string body, string pattern) => Assert.Equal(pattern, LogPatterns.Mask(body));

    [Fact]
    public void Of_TemplateAttributes_WinInTheirOrderOverTheBody()
    {
        static LogEntry With(params KeyValuePair<string, object?>[] attributes) => new() { Body = "cache warm for eu", Attributes = attributes };
        static KeyValuePair<string, object?> A(string key, object? value) => new(key, value);

        Assert.Equal("cache warm for {Region}", LogPatterns.Of(With(A("{OriginalFormat}", "cache warm for {Region}"))));
        Assert.Equal("A {X}", LogPatterns.Of(With(A("message_template.text", "B {X}"), A("log.template", "A {X}"))));
        // A template that is not text, or empty, is no template: the body is masked instead.
        Assert.Equal("cache warm for eu", LogPatterns.Of(With(A("log.template", 42L), A("{OriginalFormat}", string.Empty))));
    }

    [Fact]
    public void Mask_HugeBodyOrCutSurrogatePair_IsCutToWholeCharacters()
    {
        var body = new string('a', LogPatterns.MaxPatternCharacters - 1) + "😀" + new string('b', 100_000);

        var pattern = LogPatterns.Mask(body);

        Assert.Equal(LogPatterns.MaxPatternCharacters - 1, pattern.Length);
        Assert.False(char.IsHighSurrogate(pattern[^1]));
    }

    [Fact]
    public void Group_Records_CountsMatchTheRecordsAndTheNewestIsTheExample()
    {
        var start = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var logs = new List<LogEntry>();
        for (var i = 0; i < 7; i++)
        {
            logs.Add(Log($"order {i} shipped", start.AddSeconds(i), i, i == 3 ? 17 : 9, "shop"));
        }

        logs.Add(Log("disk 1 full", start.AddSeconds(1), 100, 13, "storage"));
        logs.Add(Log("disk 2 full", start.AddSeconds(2), 101, 13, "billing"));

        var groups = LogPatterns.Group(logs, 10);

        Assert.Equal([("order <n> shipped", 7), ("disk <n> full", 2)], groups.Select(g => (g.Pattern, g.Count)));
        // The second source: the records themselves, counted by what their bodies say.
        Assert.Equal(logs.Count(l => l.Body!.StartsWith("order", StringComparison.Ordinal)), groups[0].Count);
        Assert.Equal((17, start, start.AddSeconds(6), "order 6 shipped"), (groups[0].MaxSeverityNumber, groups[0].FirstSeen, groups[0].LastSeen, groups[0].Newest.Body));
        Assert.Equal(["billing", "storage"], groups[1].Services);
        Assert.Equal([("order <n> shipped", 7)], LogPatterns.Group(logs, 1).Select(g => (g.Pattern, g.Count)));
        Assert.Empty(LogPatterns.Group([], 5));
    }

    [Theory]
    [InlineData("order <n> shipped in <n> ms", "shipped in")]
    [InlineData("cache warm for {Region} in {Elapsed:0.0} ms", "cache warm for")]
    [InlineData("<uuid>", "")]
    [InlineData("plain text", "plain text")]
    public void LongestLiteral_IsTheLongestTextBetweenHoles(string pattern, string literal) => Assert.Equal(literal, LogPatterns.LongestLiteral(pattern));

    private static LogEntry Log(string body, DateTimeOffset at, long sequence, int severity, string service) => new()
    {
        Body = body,
        Timestamp = at,
        Sequence = sequence,
        SeverityNumber = severity,
        Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, service)] },
    };
}
