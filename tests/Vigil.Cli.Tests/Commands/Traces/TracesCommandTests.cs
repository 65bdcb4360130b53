using System.Text.Json;
using Vigil.Cli.Output;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Traces;

public sealed class TracesCommandTests : IDisposable
{
    private const string SlowTrace = "11111111111111111111111111111111";
    private const string FailedTrace = "22222222222222222222222222222222";
    private const string OldTrace = "33333333333333333333333333333333";

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task WriteThreeTracesAsync() => _store.WriteSpansAsync(
        Some.Span("GET /slow", "a000000000000001", null, CliHarness.Now.AddMinutes(-5), TimeSpan.FromSeconds(2), SlowTrace),
        Some.Span("SELECT", "a000000000000002", "a000000000000001", CliHarness.Now.AddMinutes(-5).AddMilliseconds(100), TimeSpan.FromSeconds(1), SlowTrace, service: "db"),
        Some.Span("POST /pay", "b000000000000001", null, CliHarness.Now.AddMinutes(-2), TimeSpan.FromMilliseconds(100), FailedTrace, service: "billing", status: SpanStatusCode.Error),
        Some.Span("GET /old", "c000000000000001", null, CliHarness.Now.AddHours(-3), TimeSpan.FromMilliseconds(10), OldTrace));

    [Fact]
    public async Task Traces_EmptyStore_HintOnStderr()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("traces", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No traces yet", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traces_List_NewestFirstWithColumns()
    {
        await WriteThreeTracesAsync();

        var run = await _cli.RunAsync("traces", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("STARTED", lines[0], StringComparison.Ordinal);
        Assert.Contains(FailedTrace, lines[1], StringComparison.Ordinal);
        Assert.Contains("POST /pay", lines[1], StringComparison.Ordinal);
        Assert.Contains("billing", lines[1], StringComparison.Ordinal);
        Assert.Contains("error", lines[1], StringComparison.Ordinal);
        Assert.Contains(SlowTrace, lines[2], StringComparison.Ordinal);
        Assert.Contains("2s", lines[2], StringComparison.Ordinal);
        Assert.Matches(@"\s2\s+2s\s+ok\s+GET /slow", lines[2]);
        Assert.Contains(OldTrace, lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--service", "billing" }, FailedTrace)]
    [InlineData(new[] { "--errors" }, FailedTrace)]
    [InlineData(new[] { "--min-duration", "1s" }, SlowTrace)]
    [InlineData(new[] { "--root", "GET /slow" }, SlowTrace)]
    [InlineData(new[] { "--since", "1h", "--limit", "1" }, FailedTrace)]
    public async Task Traces_Filter_OnlyMatchingTrace(string[] filter, string expected)
    {
        await WriteThreeTracesAsync();

        var run = await _cli.RunAsync(["traces", "--json", "--store", _store.Path, .. filter]);

        var line = Assert.Single(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(expected, json.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Traces_Json_AllFields()
    {
        await WriteThreeTracesAsync();

        var run = await _cli.RunAsync("traces", "--json", "--min-duration", "1s", "--store", _store.Path);

        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("GET /slow", root.GetProperty("rootSpanName").GetString());
        Assert.Equal("orders", root.GetProperty("service").GetString());
        Assert.Equal(2, root.GetProperty("spanCount").GetInt32());
        Assert.Equal(2000, root.GetProperty("durationMs").GetDouble());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal(CliHarness.Now.AddMinutes(-5), root.GetProperty("startTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task Trace_ById_ShowsTreeWaterfallAndLogs()
    {
        var start = CliHarness.Now.AddMinutes(-1);
        await _store.WriteSpansAsync(
            Some.Span("GET /orders", "0000000000000001", null, start, TimeSpan.FromSeconds(1)),
            Some.Span("charge card", "0000000000000003", "0000000000000001", start.AddMilliseconds(500), TimeSpan.FromMilliseconds(500), service: "billing", status: SpanStatusCode.Error),
            Some.Span("SELECT orders", "0000000000000002", "0000000000000001", start, TimeSpan.FromMilliseconds(250), service: "db"),
            Some.Span("open connection", "0000000000000004", "0000000000000002", start, TimeSpan.FromMilliseconds(125), service: "db"));
        await _store.WriteLogsAsync(Some.Log("card declined", start.AddMilliseconds(900), severity: 17, traceId: Some.TraceId), Some.Log("unrelated"));

        var run = await _cli.RunAsync("traces", Some.TraceId, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("4 spans", lines[0], StringComparison.Ordinal);
        Assert.Contains("1 failed", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("SPAN", lines[1], StringComparison.Ordinal);

        // Depth-first, children by start time, indented two spaces per level.
        Assert.StartsWith("GET /orders ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  SELECT orders ", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("    open connection ", lines[4], StringComparison.Ordinal);
        Assert.StartsWith("  charge card ", lines[5], StringComparison.Ordinal);

        // Bars: the whole width for the root, the first quarter for SELECT, the second half for the charge.
        var full = new string(WaterfallBar.Block, 32);
        Assert.Contains("|" + full + "|", lines[2], StringComparison.Ordinal);
        Assert.Contains("|" + new string(WaterfallBar.Block, 8) + new string(' ', 24) + "|", lines[3], StringComparison.Ordinal);
        Assert.Contains("|" + new string(' ', 16) + new string(WaterfallBar.Block, 16) + "|", lines[5], StringComparison.Ordinal);
        Assert.Contains("error: boom", lines[5], StringComparison.Ordinal);
        Assert.Contains("500ms", lines[5], StringComparison.Ordinal);

        Assert.Contains("Logs (1)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("card declined", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("unrelated", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_ByIdOnAsciiConsole_DrawsHashes()
    {
        await _store.WriteSpansAsync(Some.Span("GET /orders", "0000000000000001", null, CliHarness.Now.AddMinutes(-1), TimeSpan.FromSeconds(1)));
        _cli.Unicode = false;

        var run = await _cli.RunAsync("traces", Some.TraceId, "--store", _store.Path);

        Assert.Contains("|" + new string(WaterfallBar.AsciiBlock, 32) + "|", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(WaterfallBar.Block.ToString(), run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traces_EmptyStoreJson_WritesNothing()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("traces", "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Trace_ByIdJson_SpansThenLogsTyped()
    {
        var start = CliHarness.Now.AddMinutes(-1);
        await _store.WriteSpansAsync(
            Some.Span("GET /orders", "0000000000000001", null, start, TimeSpan.FromSeconds(1)),
            Some.Span("SELECT orders", "0000000000000002", "0000000000000001", start, TimeSpan.FromMilliseconds(250), service: "db"));
        await _store.WriteLogsAsync(Some.Log("inside", start.AddMilliseconds(10), traceId: Some.TraceId));

        var run = await _cli.RunAsync("traces", Some.TraceId, "--json", "--store", _store.Path);

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("span", lines[0].GetProperty("type").GetString());
        Assert.Equal(0, lines[0].GetProperty("depth").GetInt32());
        Assert.Equal("internal", lines[0].GetProperty("kind").GetString());
        Assert.Equal("unset", lines[0].GetProperty("status").GetString());
        Assert.Equal("SELECT orders", lines[1].GetProperty("name").GetString());
        Assert.Equal(1, lines[1].GetProperty("depth").GetInt32());
        Assert.Equal("0000000000000001", lines[1].GetProperty("parentSpanId").GetString());
        Assert.Equal(250, lines[1].GetProperty("durationMs").GetDouble());
        Assert.Equal("log", lines[2].GetProperty("type").GetString());
        Assert.Equal("inside", lines[2].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Trace_UnknownId_ExitsThreeWithMessage()
    {
        await WriteThreeTracesAsync();

        var run = await _cli.RunAsync("traces", Some.OtherTraceId, "--store", _store.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Some.OtherTraceId, line, StringComparison.Ordinal);
        Assert.Contains("not found", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_SpanWhoseParentIsMissing_ShownAsRoot()
    {
        await _store.WriteSpansAsync(Some.Span("orphan", "0000000000000009", "00000000000000ff", CliHarness.Now.AddMinutes(-1), TimeSpan.FromMilliseconds(5)));

        var run = await _cli.RunAsync("traces", Some.TraceId, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\norphan ", run.Stdout, StringComparison.Ordinal);
    }
}
