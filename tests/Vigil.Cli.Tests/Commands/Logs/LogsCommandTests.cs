using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Logs;

public sealed class LogsCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Logs_EmptyStore_HintOnStderrNothingOnStdout()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No logs yet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_EmptyStoreJson_WritesNothing()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("logs", "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Logs_SeveralRecords_NewestLastInAlignedColumns()
    {
        await _store.WriteLogsAsync(
            Some.Log("second", CliHarness.Now.AddMinutes(-3), service: "billing"),
            Some.Log("first", CliHarness.Now.AddHours(-2)),
            Some.Log("third", CliHarness.Now.AddSeconds(-5), severity: 13, traceId: Some.TraceId));

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("first", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("third", lines[2].TrimEnd(), StringComparison.Ordinal);
        Assert.StartsWith("2h ago", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("3m ago", lines[1], StringComparison.Ordinal);
        Assert.Contains("warn", lines[2], StringComparison.Ordinal);
        Assert.Contains(Some.TraceId[..8], lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(Some.TraceId, lines[2], StringComparison.Ordinal);

        // Aligned: every message starts in the same column.
        var column = lines[0].IndexOf("first", StringComparison.Ordinal);
        Assert.Equal(column, lines[1].IndexOf("second", StringComparison.Ordinal));
        Assert.Equal(column, lines[2].IndexOf("third", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_MessageWiderThanConsole_StaysOnOneLine()
    {
        var message = string.Join(' ', Enumerable.Repeat("word", 60));
        await _store.WriteLogsAsync(Some.Log(message));
        _cli.Width = 80;

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(message, line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_LocalTime_ShowsClockTime()
    {
        await _store.WriteLogsAsync(Some.Log("hello", CliHarness.Now.AddMinutes(-3)));

        var run = await _cli.RunAsync("logs", "--time", "local", "--store", _store.Path);

        Assert.StartsWith("11:57:00.000", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_RecordWithException_PrintsItBeneath()
    {
        await _store.WriteLogsAsync(Some.Log("failed", severity: 17) with
        {
            ExceptionType = "System.InvalidOperationException",
            ExceptionMessage = "no stock",
            ExceptionStackTrace = "   at Orders.Reserve()\n   at Orders.Place()",
        });

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("    System.InvalidOperationException: no stock", lines[1]);
        Assert.Equal("      at Orders.Reserve()", lines[2]);
    }

    // .NET's stack trace text opens with "FullTypeName: message"; OpenTelemetry's .NET exporter sends the short type name.
    [Theory]
    [InlineData("System.InvalidOperationException")]
    [InlineData("InvalidOperationException")]
    public async Task Logs_StackTraceOpensWithTheHeading_HeadingIsNotRepeated(string exceptionType)
    {
        await _store.WriteLogsAsync(Some.Log("failed", severity: 17) with
        {
            ExceptionType = exceptionType,
            ExceptionMessage = "no stock",
            ExceptionStackTrace = "System.InvalidOperationException: no stock\n   at Orders.Reserve()",
        });

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"    {exceptionType}: no stock", lines[1]);
        Assert.Equal("      at Orders.Reserve()", lines[2]);
    }

    [Fact]
    public async Task Logs_ServiceFilter_OnlyThatService()
    {
        await _store.WriteLogsAsync(Some.Log("from orders"), Some.Log("from billing", service: "billing"));

        var run = await _cli.RunAsync("logs", "--service", "billing", "--store", _store.Path);

        Assert.Contains("from billing", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("from orders", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warn")]
    [InlineData("Warning")]
    public async Task Logs_LevelFilter_MinimumLevel(string level)
    {
        await _store.WriteLogsAsync(Some.Log("chatty", severity: 5), Some.Log("routine", severity: 9), Some.Log("careful", severity: 13), Some.Log("broken", severity: 17));

        var run = await _cli.RunAsync("logs", "--level", level, "--store", _store.Path);

        Assert.DoesNotContain("chatty", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("routine", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("careful", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("broken", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_SinceAndUntil_OnlyInsideRange()
    {
        await _store.WriteLogsAsync(
            Some.Log("too old", CliHarness.Now.AddHours(-3)),
            Some.Log("inside", CliHarness.Now.AddMinutes(-90)),
            Some.Log("too new", CliHarness.Now.AddMinutes(-10)));

        var run = await _cli.RunAsync("logs", "--since", "2h", "--until", "2026-11-23T11:30:00Z", "--store", _store.Path);

        Assert.Contains("inside", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("too old", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("too new", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Grep_MatchesWords()
    {
        await _store.WriteLogsAsync(Some.Log("payment declined for order 7"), Some.Log("order shipped"));

        var run = await _cli.RunAsync("logs", "--grep", "declined", "--store", _store.Path);

        Assert.Contains("payment declined", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("shipped", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_TraceFilter_OnlyThatTrace()
    {
        await _store.WriteLogsAsync(Some.Log("in trace", traceId: Some.TraceId), Some.Log("other trace", traceId: Some.OtherTraceId), Some.Log("no trace"));

        var run = await _cli.RunAsync("logs", "--trace", Some.TraceId.ToUpperInvariant(), "--store", _store.Path);

        Assert.Contains("in trace", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("other trace", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("no trace", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_RepeatedWhere_AllMustMatch()
    {
        await _store.WriteLogsAsync(
            Some.Log("both", attributes: [new("tenant", "acme"), new("status", 500L)]),
            Some.Log("tenant only", attributes: [new("tenant", "acme"), new("status", 200L)]),
            Some.Log("neither", attributes: [new("tenant", "globex")]));

        var run = await _cli.RunAsync("logs", "--where", "tenant=acme", "--where", "status=500", "--store", _store.Path);

        Assert.Contains("both", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("tenant only", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("neither", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Limit_KeepsNewest()
    {
        await _store.WriteLogsAsync(
            Some.Log("one", CliHarness.Now.AddMinutes(-3)),
            Some.Log("two", CliHarness.Now.AddMinutes(-2)),
            Some.Log("three", CliHarness.Now.AddMinutes(-1)));

        var run = await _cli.RunAsync("logs", "--limit", "2", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("two", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("three", lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Json_OneObjectPerLineWithAllFields()
    {
        var longBody = new string('x', 300);
        await _store.WriteLogsAsync(
            Some.Log(longBody, severity: 17, traceId: Some.TraceId, attributes: [new("tenant", "acme"), new("attempt", 3L), new("tags", new object?[] { "a", "b" })]) with
            {
                ExceptionType = "System.TimeoutException",
                ExceptionMessage = "slow",
            },
            Some.Log("second"));

        var run = await _cli.RunAsync("logs", "--json", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(longBody, root.GetProperty("body").GetString());
        Assert.Equal("error", root.GetProperty("level").GetString());
        Assert.Equal(17, root.GetProperty("severityNumber").GetInt32());
        Assert.Equal("orders", root.GetProperty("service").GetString());
        Assert.Equal(Some.TraceId, root.GetProperty("traceId").GetString());
        Assert.Equal("acme", root.GetProperty("attributes").GetProperty("tenant").GetString());
        Assert.Equal(3, root.GetProperty("attributes").GetProperty("attempt").GetInt64());
        Assert.Equal(2, root.GetProperty("attributes").GetProperty("tags").GetArrayLength());
        Assert.Equal("System.TimeoutException", root.GetProperty("exception").GetProperty("type").GetString());
        Assert.Equal("orders", root.GetProperty("resource").GetProperty("service.name").GetString());
        Assert.True(root.GetProperty("sequence").GetInt64() > 0);
        Assert.Equal(CliHarness.Now.AddMinutes(-1), root.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task Logs_Json_AttributeValuesAsTheQueryApiWritesThem()
    {
        // The CLI's --json used to write bytes as a bare base64 string, NaN as "NaN" and 1.0 as 1, unlike the query API.
        await _store.WriteLogsAsync(Some.Log("typed", attributes: [new("bytes", new byte[] { 1, 2, 3 }), new("nan", double.NaN), new("one", 1.0)]));

        var run = await _cli.RunAsync("logs", "--json", "--store", _store.Path);

        using var line = JsonDocument.Parse(Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var attributes = line.RootElement.GetProperty("attributes");
        Assert.Equal([1, 2, 3], attributes.GetProperty("bytes").GetProperty("$bytes").GetBytesFromBase64());
        Assert.Equal("NaN", attributes.GetProperty("nan").GetProperty("$double").GetString());
        Assert.Equal("1.0", attributes.GetProperty("one").GetRawText());
    }

    [Fact]
    public async Task Logs_Terminal_ColoursLevels()
    {
        await _store.WriteLogsAsync(Some.Log("broken", severity: 17));
        _cli.Terminal = true;

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Contains("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NotATerminal_NoEscapeSequences()
    {
        await _store.WriteLogsAsync(Some.Log("broken", severity: 17));

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Contains("broken", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NoColorEnvironment_NoEscapeSequences()
    {
        await _store.WriteLogsAsync(Some.Log("broken", severity: 17));
        _cli.Terminal = true;
        _cli.Environment["NO_COLOR"] = "1";

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Contains("broken", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NoColorEnvironmentEmpty_StillColoursATerminal()
    {
        await _store.WriteLogsAsync(Some.Log("broken", severity: 17));
        _cli.Terminal = true;
        _cli.Environment["NO_COLOR"] = string.Empty;

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        // no-color.org and docs/cli.md: NO_COLOR turns colour off only when it is set to a non-empty value.
        Assert.Contains("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NoColorFlag_NoEscapeSequences()
    {
        await _store.WriteLogsAsync(Some.Log("broken", severity: 17));
        _cli.Terminal = true;

        var run = await _cli.RunAsync("logs", "--no-color", "--store", _store.Path);

        Assert.Contains("broken", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_StoreFromEnvironment_ReadsThatStore()
    {
        await _store.WriteLogsAsync(Some.Log("from env store"));
        _cli.Environment["VIGIL_STORE"] = _store.Path;

        var run = await _cli.RunAsync("logs");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("from env store", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_BodyWithControlCharacters_DoesNotReachTerminal()
    {
        await _store.WriteLogsAsync(Some.Log("evil\u001b[2Jbody"));

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.DoesNotContain("\u001b", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("evil [2Jbody", run.Stdout, StringComparison.Ordinal);
    }
    [Fact]
    public async Task LogsPatterns_MixedRecords_CountsEachPatternAsTheRecordsBehindIt()
    {
        var logs = Enumerable.Range(0, 12).Select(i => Some.Log($"order {i} shipped in {i * 5} ms", CliHarness.Now.AddMinutes(-10 + (i * 0.5))))
            .Concat(Enumerable.Range(0, 4).Select(i => Some.Log($"payment {i} declined", CliHarness.Now.AddMinutes(-2), severity: 17, service: "billing")))
            .ToArray();
        await _store.WriteLogsAsync(logs);

        var text = await _cli.RunAsync("logs", "--patterns", "--store", _store.Path);
        var json = await _cli.RunAsync("logs", "--patterns", "--json", "--store", _store.Path);
        var limited = await _cli.RunAsync("logs", "--patterns", "--limit", "5", "--json", "--store", _store.Path);

        Assert.Equal((0, 0, 0), (text.ExitCode, json.ExitCode, limited.ExitCode));
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["COUNT", "SHARE", "LEVEL", "SERVICES", "PATTERN"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["12", "75%", "info", "orders", "order", "<n>", "shipped", "in", "<n>", "ms"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["4", "25%", "error", "billing", "payment", "<n>", "declined"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("2 patterns in all 16 records.", lines[3]);

        // The second source: the records, counted by what their bodies say.
        var patterns = json.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            [("order <n> shipped in <n> ms", logs.Count(l => l.Body!.StartsWith("order", StringComparison.Ordinal))), ("payment <n> declined", logs.Count(l => l.Body!.StartsWith("payment", StringComparison.Ordinal)))],
            patterns.Select(p => (p.GetProperty("pattern").GetString(), p.GetProperty("count").GetInt32())));
        Assert.Equal(("shipped in", "order 11 shipped in 55 ms"), (patterns[0].GetProperty("search").GetString(), patterns[0].GetProperty("example").GetString()));

        // --limit reads only the newest records (by arrival): the four payments and the last order.
        Assert.Equal(
            [("payment <n> declined", 4), ("order <n> shipped in <n> ms", 1)],
            limited.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).Select(p => (p.GetProperty("pattern").GetString(), p.GetProperty("count").GetInt32())));
    }
}
