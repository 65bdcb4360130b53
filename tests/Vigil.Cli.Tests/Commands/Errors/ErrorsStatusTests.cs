using System.Globalization;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Errors;

public sealed class ErrorsStatusTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<string> PaymentIdAsync()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);
        return (await ErrorSamples.IdOfAsync(_cli, _store, ErrorSamples.Payment)).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<System.Text.Json.JsonElement> ShowAsync(string id)
    {
        var run = await _cli.RunAsync("errors", "show", id, "--json", "--store", _store.Path);
        Assert.Equal(0, run.ExitCode);
        return Assert.Single(ErrorSamples.JsonLines(run.Stdout));
    }

    [Fact]
    public async Task Resolve_Group_PrintsNewStateAndPersists()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "resolve", id, "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"#{id} resolved: Orders.PaymentDeclinedException: Card declined", run.Stdout.TrimEnd());
        var group = await ShowAsync(id);
        Assert.Equal("resolved", group.GetProperty("status").GetString());
        Assert.False(group.GetProperty("resolvedInNextRelease").GetBoolean());
    }

    [Fact]
    public async Task Resolve_InNextRelease_SaysSo()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "resolve", id, "--in-next-release", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"#{id} resolved in the next release:", run.Stdout, StringComparison.Ordinal);
        Assert.True((await ShowAsync(id)).GetProperty("resolvedInNextRelease").GetBoolean());
    }

    [Fact]
    public async Task Ignore_ForEvents_CountLimitStored()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "ignore", id, "--for-events", "5", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"#{id} ignored for 5 more events (until event 8):", run.Stdout, StringComparison.Ordinal);
        var group = await ShowAsync(id);
        Assert.Equal("ignored", group.GetProperty("status").GetString());
        Assert.Equal(8, group.GetProperty("ignoredUntilCount").GetInt64());
    }

    [Theory]
    [InlineData("2h", "2026-11-23T14:00:00+00:00")]
    [InlineData("1d12h", "2026-11-25T00:00:00+00:00")]
    [InlineData("2026-12-01T09:00:00Z", "2026-12-01T09:00:00+00:00")]
    public async Task Ignore_Until_TimeLimitStored(string until, string expected)
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "ignore", id, "--until", until, "--json", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var printed = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.Equal("ignored", printed.GetProperty("status").GetString());
        var stored = (await ShowAsync(id)).GetProperty("ignoredUntil").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), stored);
    }

    [Fact]
    public async Task Ignore_UntilText_SaysWhen()
    {
        var id = await PaymentIdAsync();

        var run = await _cli.RunAsync("errors", "ignore", id, "--until", "2h", "--store", _store.Path);

        Assert.StartsWith($"#{id} ignored until 2026-11-23 14:00:00Z (in 2h):", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ignore_ForEver_ThenReopen_Unresolved()
    {
        var id = await PaymentIdAsync();

        var ignore = await _cli.RunAsync("errors", "ignore", id, "--store", _store.Path);
        var ignored = await _cli.RunAsync("errors", "--status", "ignored", "--json", "--store", _store.Path);
        var reopen = await _cli.RunAsync("errors", "reopen", id, "--store", _store.Path);

        Assert.Equal(0, ignore.ExitCode);
        Assert.StartsWith($"#{id} ignored:", ignore.Stdout, StringComparison.Ordinal);
        Assert.Single(ErrorSamples.JsonLines(ignored.Stdout));
        Assert.Equal(0, reopen.ExitCode);
        Assert.StartsWith($"#{id} unresolved:", reopen.Stdout, StringComparison.Ordinal);
        var group = await ShowAsync(id);
        Assert.Equal("unresolved", group.GetProperty("status").GetString());
        Assert.False(group.GetProperty("isRegression").GetBoolean());
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("ignore")]
    [InlineData("reopen")]
    public async Task StatusChange_UnknownId_ExitsThree(string verb)
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync("errors", verb, "424242", "--store", _store.Path);

        Assert.Equal(3, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("error group 424242 not found", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusChange_MissingStore_ExitsTwoAndCreatesNothing()
    {
        var run = await _cli.RunAsync("errors", "resolve", "1", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(_store.Path));
    }

    [Fact]
    public async Task Ignore_ForEvents_NthEventMakesItUnresolved()
    {
        var id = await PaymentIdAsync();
        await _cli.RunAsync("errors", "ignore", id, "--for-events", "2", "--store", _store.Path);
        var pay = ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", CliHarness.Now.AddSeconds(-20));

        await _store.WriteLogsAsync(pay);
        var afterOne = (await ShowAsync(id)).GetProperty("status").GetString();
        await _store.WriteLogsAsync(pay with { Timestamp = CliHarness.Now.AddSeconds(-10) });
        var afterTwo = await ShowAsync(id);

        Assert.Equal("ignored", afterOne);
        Assert.Equal("unresolved", afterTwo.GetProperty("status").GetString());
        Assert.False(afterTwo.GetProperty("isRegression").GetBoolean());
    }

    [Fact]
    public async Task Ignore_Until_EventAfterItMakesItUnresolved()
    {
        var id = await PaymentIdAsync();
        await _cli.RunAsync("errors", "ignore", id, "--until", "2h", "--store", _store.Path);

        await _store.WriteLogsAsync(ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", CliHarness.Now.AddHours(1)));
        var during = (await ShowAsync(id)).GetProperty("status").GetString();
        await _store.WriteLogsAsync(ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", CliHarness.Now.AddHours(3)));
        var after = (await ShowAsync(id)).GetProperty("status").GetString();

        Assert.Equal("ignored", during);
        Assert.Equal("unresolved", after);
    }
}
