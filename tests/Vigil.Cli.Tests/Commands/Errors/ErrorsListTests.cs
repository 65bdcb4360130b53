using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Errors;

public sealed class ErrorsListTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Errors_EmptyStore_HintOnStderr()
    {
        await _store.CreateAsync();

        var run = await _cli.RunAsync("errors", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No unresolved errors", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_MissingStore_ExitsTwo()
    {
        var run = await _cli.RunAsync("errors", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(_store.Path, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_List_NewestActivityFirstWithColumns()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync("errors", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^\s*ID\s+STATUS\s+SEVERITY\s+EVENTS\s+LAST SEEN\s+FIRST SEEN\s+SERVICES\s+CULPRIT\s+ERROR$", lines[0]);
        Assert.Matches(@"unresolved\s+medium\s+3\s+2m ago\s+20m ago\s+orders\s+.*Orders\.PaymentDeclinedException: Card declined$", lines[1]);
        Assert.Matches(@"unresolved\s+high\s+2\s+30m ago\s+40m ago\s+billing,orders\s+.*DatabaseUnavailableException: Connection refused$", lines[2]);
        Assert.Matches(@"unresolved\s+low\s+1\s+5h ago\s+5h ago\s+orders\s+.*OrderValidationException: Quantity must be positive$", lines[3]);
    }

    [Theory]
    [InlineData(new[] { "--service", "billing" }, ErrorSamples.Database)]
    [InlineData(new[] { "--severity", "high" }, ErrorSamples.Database)]
    [InlineData(new[] { "--severity", "LOW", "--limit", "1" }, ErrorSamples.Payment)]
    [InlineData(new[] { "--since", "1h", "--until", "25m" }, ErrorSamples.Database)]
    [InlineData(new[] { "--until", "3h" }, ErrorSamples.Validation)]
    [InlineData(new[] { "--since", "5m" }, ErrorSamples.Payment)]
    public async Task Errors_Filter_OnlyMatchingGroup(string[] filter, string expectedType)
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync(["errors", "--json", "--store", _store.Path, .. filter]);

        Assert.Equal(0, run.ExitCode);
        var group = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.Equal(expectedType, group.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Errors_Json_StableFieldsParsedBack()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync("errors", "--json", "--service", "billing", "--store", _store.Path);

        var group = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.True(group.GetProperty("id").GetInt64() > 0);
        Assert.Equal("unresolved", group.GetProperty("status").GetString());
        Assert.False(group.GetProperty("isRegression").GetBoolean());
        Assert.Equal("high", group.GetProperty("severity").GetString());
        Assert.Equal("high", group.GetProperty("baseSeverity").GetString());
        Assert.False(group.GetProperty("severityRaised").GetBoolean());
        Assert.Equal(2, group.GetProperty("count").GetInt64());
        Assert.Equal(CliHarness.Now.AddMinutes(-40), group.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal(CliHarness.Now.AddMinutes(-30), group.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(["billing", "orders"], group.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["1.0.0", "2.0.0"], group.GetProperty("releases").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Connection refused", group.GetProperty("message").GetString());
        Assert.Contains("Save", group.GetProperty("culprit").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(group.GetProperty("fingerprint").GetString()));
        Assert.Equal("stackTrace", group.GetProperty("fingerprintMethod").GetString());
        foreach (var name in new[] { "groupingVersion", "statusChanged", "resolvedInNextRelease", "ignoredUntil", "ignoredUntilCount" })
        {
            Assert.True(group.TryGetProperty(name, out _), $"missing {name}");
        }
    }

    [Fact]
    public async Task Errors_SpanExceptionEvent_ListedAsGroup()
    {
        await _store.WriteSpansAsync(ErrorSamples.SpanWithException("ChargeFailedError", "gateway timeout", CliHarness.Now.AddMinutes(-3), Some.TraceId));

        var run = await _cli.RunAsync("errors", "--json", "--store", _store.Path);

        var group = Assert.Single(ErrorSamples.JsonLines(run.Stdout));
        Assert.Equal("ChargeFailedError", group.GetProperty("type").GetString());
        Assert.Equal(["billing"], group.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Errors_DefaultStatus_HidesResolvedUntilStatusAll()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);
        var id = await ErrorSamples.IdOfAsync(_cli, _store, ErrorSamples.Payment);
        Assert.Equal(0, (await _cli.RunAsync("errors", "resolve", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", _store.Path)).ExitCode);

        var unresolved = await _cli.RunAsync("errors", "--json", "--store", _store.Path);
        var resolved = await _cli.RunAsync("errors", "--json", "--status", "resolved", "--store", _store.Path);
        var all = await _cli.RunAsync("errors", "--json", "--status", "all", "--store", _store.Path);

        Assert.Equal(2, ErrorSamples.JsonLines(unresolved.Stdout).Count);
        Assert.Equal(id, Assert.Single(ErrorSamples.JsonLines(resolved.Stdout)).GetProperty("id").GetInt64());
        Assert.Equal(3, ErrorSamples.JsonLines(all.Stdout).Count);
    }

    [Fact]
    public async Task Errors_Filtered_EmptyResultSaysNoneMatch()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);

        var run = await _cli.RunAsync("errors", "--status", "ignored", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("No error groups match", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_OnTerminal_MessageCutToWidth()
    {
        await _store.WriteLogsAsync(ErrorSamples.Exception(ErrorSamples.Payment, "Card declined " + new string('x', 300), "Pay", CliHarness.Now.AddMinutes(-1)));
        _cli.Terminal = true;
        _cli.Width = 100;

        var terminal = await _cli.RunAsync("errors", "--no-color", "--store", _store.Path);
        _cli.Terminal = false;
        var piped = await _cli.RunAsync("errors", "--store", _store.Path);

        var row = terminal.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(100, row.TrimEnd('\r').Length);
        Assert.EndsWith("…", row.TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Contains(new string('x', 300), piped.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_ResolvedGroupGetsNewEvent_MarkedRegressed()
    {
        await ErrorSamples.WriteThreeGroupsAsync(_store);
        var id = await ErrorSamples.IdOfAsync(_cli, _store, ErrorSamples.Validation);
        _cli.Clock.Now = CliHarness.Now.AddMinutes(-2);
        await _cli.RunAsync("errors", "resolve", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", _store.Path);
        _cli.Clock.Now = CliHarness.Now;
        await _store.WriteLogsAsync(ErrorSamples.Exception(ErrorSamples.Validation, "Quantity must be positive", "Validate", CliHarness.Now.AddMinutes(-1)));

        var run = await _cli.RunAsync("errors", "--store", _store.Path);
        var json = await _cli.RunAsync("errors", "--json", "--store", _store.Path);

        var row = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Matches(@"regressed\s+low\s+2\s+1m ago", row);
        var group = ErrorSamples.JsonLines(json.Stdout).Single(g => g.GetProperty("id").GetInt64() == id);
        Assert.True(group.GetProperty("isRegression").GetBoolean());
        Assert.Equal("unresolved", group.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Errors_RateSpikes_SeverityRaisedAndMarked()
    {
        // The store measures spikes by the CLI's clock: one event a day ago, then a dozen in the last hour.
        var now = CliHarness.Now.AddMinutes(30);
        _cli.Clock.Now = now;
        await _store.WriteLogsAsync([
            ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", now.AddHours(-23)),
            .. Enumerable.Range(1, 12).Select(i => ErrorSamples.Exception(ErrorSamples.Payment, "Card declined", "Pay", now.AddSeconds(-5 * i)))]);

        var text = await _cli.RunAsync("errors", "--store", _store.Path);
        var json = await _cli.RunAsync("errors", "--json", "--store", _store.Path);

        Assert.Matches(@"unresolved\s+high↑\s+13\s", text.Stdout);
        var group = Assert.Single(ErrorSamples.JsonLines(json.Stdout));
        Assert.True(group.GetProperty("severityRaised").GetBoolean());
        Assert.Equal("high", group.GetProperty("severity").GetString());
        Assert.Equal("medium", group.GetProperty("baseSeverity").GetString());
    }

    [Fact]
    public async Task Errors_EscapeSequencesInStoredText_NeverReachTheTerminal()
    {
        await _store.WriteLogsAsync(ErrorSamples.Exception("Evil\u001b[2JException", "wiped\u001b]0;title\u0007 screen", "Pay", CliHarness.Now.AddMinutes(-1), service: "svc\u001b[31m"));
        var id = (await ErrorSamples.IdOfAsync(_cli, _store, "Evil\u001b[2JException")).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var list = await _cli.RunAsync("errors", "--store", _store.Path);
        var show = await _cli.RunAsync("errors", "show", id, "--store", _store.Path);
        var resolve = await _cli.RunAsync("errors", "resolve", id, "--store", _store.Path);

        Assert.Contains("wiped", list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', list.Stdout);
        Assert.DoesNotContain('\u001b', show.Stdout);
        Assert.DoesNotContain('\u0007', show.Stdout);
        Assert.DoesNotContain('\u001b', resolve.Stdout);
    }
}
