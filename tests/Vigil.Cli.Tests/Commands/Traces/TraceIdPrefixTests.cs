using Vigil.Cli.Tests.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Traces;

/// <summary>A unique start of a trace id (as a log line shows 8 digits) stands for the whole id, as git takes commit prefixes.</summary>
public sealed class TraceIdPrefixTests : IAsyncLifetime, IDisposable
{
    // Two ids share their first 8 digits; the third shares only its first 4 with them.
    private const string First = "c209b688aaaa00000000000000000001";
    private const string Second = "c209b688bbbb00000000000000000002";
    private const string Third = "c209ffff000000000000000000000003";

    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();
    private LoopbackServer? _server;

    public static TheoryData<string> Where { get; } = ["local", "remote"];

    public async Task InitializeAsync()
    {
        var at = CliHarness.Now.AddMinutes(-5);
        await _store.WriteAsync(new TelemetryBatch
        {
            Spans =
            [
                Some.Span("GET /first", "a000000000000001", null, at, TimeSpan.FromMilliseconds(10), First),
                Some.Span("GET /second", "b000000000000001", null, at.AddSeconds(1), TimeSpan.FromMilliseconds(10), Second),
                Some.Span("GET /third", "c000000000000001", null, at.AddSeconds(2), TimeSpan.FromMilliseconds(10), Third),
            ],
            Logs = [Some.Log("third's log", at.AddSeconds(2), traceId: Third), Some.Log("first's log", at, traceId: First)],
        });
        _server = await LoopbackServer.StartAsync(_store.Path);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [MemberData(nameof(Where))]
    public async Task Traces_UniquePrefix_ShowsTheWholeTrace(string where)
    {
        var run = await RunAsync(where, "traces", "c209FFFF");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Trace " + Third, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("GET /third", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("third's log", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Where))]
    public async Task Traces_AmbiguousPrefix_ExitsOneListingTheCandidates(string where)
    {
        var run = await RunAsync(where, "traces", "c209b688");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal($"vigil: trace id prefix 'c209b688' is ambiguous: {First}, {Second} (give more digits)", run.Stderr.Trim());
    }

    [Theory]
    [MemberData(nameof(Where))]
    public async Task Traces_PrefixOfNoTrace_ExitsThree(string where)
    {
        var run = await RunAsync(where, "traces", "dead");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("vigil: no trace in the store has an id starting with dead", run.Stderr.Trim());
    }

    [Theory]
    [MemberData(nameof(Where))]
    public async Task Logs_TracePrefix_OnlyThatTracesRecords(string where)
    {
        var run = await RunAsync(where, "logs", "--trace", "c209b688a");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("first's log", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("third's log", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c20")]
    [InlineData("c209xyz")]
    public async Task Traces_TooShortOrNotHex_UsageErrorNamingTheMinimum(string prefix)
    {
        var run = await _cli.RunAsync("traces", prefix, "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("or the first 4 or more of them", run.Stderr, StringComparison.Ordinal);
    }

    private Task<CliRun> RunAsync(string where, params string[] args) =>
        _cli.RunAsync([.. args, where == "local" ? "--store" : "--server", where == "local" ? _store.Path : _server!.Url]);
}
