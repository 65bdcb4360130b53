using System.Globalization;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Errors;

public sealed class ErrorsShowTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<string> PaymentIdAsync()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);
        return (await ErrorSamples.IdOfAsync(_cli, _store, ErrorSamples.Payment)).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Show_Group_PrintsFieldsStackSparklineAndEvents()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "show", id, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var text = run.Stdout;
        Assert.StartsWith($"#{id}  Orders.PaymentDeclinedException: Card declined", text, StringComparison.Ordinal);
        Assert.Matches(@"Culprit\s+.*Pay", text);
        Assert.Matches(@"Status\s+unresolved", text);
        Assert.Matches(@"Severity\s+medium", text);
        Assert.Matches(@"Events\s+3\s+first seen 20m ago\s+last seen 2m ago", text);
        Assert.Matches(@"Services\s+orders", text);
        Assert.Matches(@"Releases\s+1\.0\.0, 1\.1\.0", text);

        // The hours' content is checked by the Sparkline tests below.
        Assert.Matches(@"Last 24h\s+[▁▂▃▄▅▆▇█]{24}  max \d+/h  total \d+", text);
        Assert.Contains("Stack trace", text, StringComparison.Ordinal);
        Assert.Contains("at Orders.Api.Pay(Order order)", text, StringComparison.Ordinal);
        Assert.Contains("Latest events (3)", text, StringComparison.Ordinal);
        Assert.Matches(@"2m ago\s+orders\s+1\.1\.0\s+-", text);
        Assert.Matches($@"10m ago\s+orders\s+1\.1\.0\s+{Some.OtherTraceId}", text);
        Assert.Matches($@"20m ago\s+orders\s+1\.0\.0\s+{Some.TraceId}", text);
        Assert.Contains("vigil traces TRACEID", text, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    // The store counts hours up to the current one by the CLI's clock: one event in the previous hour, two at the
    // start of the current one.
    private async Task<string> RecentGroupIdAsync()
    {
        var now = CliHarness.Now.AddMinutes(30);
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        _cli.Clock.Now = now;
        await _store.WriteLogsAsync(
            ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", hour.AddHours(-1)),
            ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", hour),
            ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", hour.AddTicks(1)));
        return (await ErrorSamples.IdOfAsync(_cli, _store, ErrorSamples.Payment)).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Show_RecentEvents_SparklineEndsWithThem()
    {
        var id = await RecentGroupIdAsync();

        var run = await _cli.RunAsync("errors", "show", id, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"Last 24h\s+▁{22}▅█  max 2/h  total 3", run.Stdout);
    }

    [Fact]
    public async Task Show_NoUnicode_AsciiSparkline()
    {
        var id = await RecentGroupIdAsync();
        _cli.Unicode = false;

        var run = await _cli.RunAsync("errors", "show", id, "--hours", "3", "--store", _store.Path);

        Assert.Matches(@"Last 3h\s+_-#  max 2/h  total 3", run.Stdout);
    }

    [Fact]
    public async Task Show_JsonHourly_EveryHourOfTheWindowOldestFirst()
    {
        var id = await RecentGroupIdAsync();

        var run = await _cli.RunAsync("errors", "show", id, "--json", "--hours", "48", "--store", _store.Path);

        var hourly = Assert.Single(ErrorSamples.JsonLines(run.Stdout)).GetProperty("hourly").EnumerateArray().ToList();
        Assert.Equal(48, hourly.Count);
        Assert.Equal([1, 2], hourly.TakeLast(2).Select(h => h.GetProperty("count").GetInt64()));
        Assert.Equal(3, hourly.Sum(h => h.GetProperty("count").GetInt64()));
        Assert.Equal(TimeSpan.FromHours(47), hourly[^1].GetProperty("hour").GetDateTimeOffset() - hourly[0].GetProperty("hour").GetDateTimeOffset());
    }

    [Fact]
    public async Task Show_Json_ParsedBackWithHoursAndEvents()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "show", "#" + id, "--json", "--hours", "48", "--events", "2", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var group = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.Equal(long.Parse(id, CultureInfo.InvariantCulture), group.GetProperty("id").GetInt64());
        Assert.Contains("Orders.Api.Pay", group.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
        Assert.Equal(48, group.GetProperty("hourly").GetArrayLength());
        var events = group.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(CliHarness.Now.AddMinutes(-2), events[0].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(Some.OtherTraceId, events[1].GetProperty("traceId").GetString());
        Assert.Equal("log", events[1].GetProperty("source").GetString());
        Assert.Equal("1.1.0", events[1].GetProperty("release").GetString());
        Assert.Equal("orders", events[1].GetProperty("service").GetString());
    }

    [Fact]
    public async Task Show_JsonOfSpanExceptionEvent_SourceAndMethodSpelledAsTheApi()
    {
        await _store.WriteSpansAsync(ErrorSamples.SpanWithException("ChargeFailedError", "gateway timeout", CliHarness.Now.AddMinutes(-3), Some.TraceId));
        var id = await ErrorSamples.IdOfAsync(_cli, _store, "ChargeFailedError");

        var run = await _cli.RunAsync("errors", "show", id.ToString(CultureInfo.InvariantCulture), "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var group = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.Equal("stackTrace", group.GetProperty("fingerprintMethod").GetString());
        Assert.Equal("spanEvent", Assert.Single(group.GetProperty("events").EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Show_UnknownId_ExitsThree()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync("errors", "show", "999999", "--store", _store.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("error group 999999 not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_MissingStore_ExitsTwo()
    {
        var run = await _cli.RunAsync("errors", "show", "1", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Show_Regression_StatusSaysWhy()
    {
        // Resolved a minute ago; the event comes after it (an event from before a resolve does not reopen).
        var id = await PaymentIdAsync();
        _cli.Clock.Now = CliHarness.Now.AddMinutes(-1);
        await _cli.RunAsync("errors", "resolve", id, "--store", _store.Path);
        _cli.Clock.Now = CliHarness.Now;
        await _store.WriteLogsAsync(ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", CliHarness.Now.AddSeconds(-30)));

        var run = await _cli.RunAsync("errors", "show", id, "--store", _store.Path);

        Assert.Matches(@"Status\s+unresolved \(a new event reopened it after it was resolved\)", run.Stdout);
        Assert.Matches(@"Events\s+4\s+first seen 20m ago\s+last seen 30s ago", run.Stdout);
    }

    [Fact]
    public async Task Show_Ignored_StatusShowsTheLimit()
    {
        var id = await PaymentIdAsync();
        await _cli.RunAsync("errors", "ignore", id, "--for-events", "10", "--store", _store.Path);

        var run = await _cli.RunAsync("errors", "show", id, "--store", _store.Path);

        Assert.Matches(@"Status\s+ignored for 10 more events \(until event 13\)", run.Stdout);
    }
}
