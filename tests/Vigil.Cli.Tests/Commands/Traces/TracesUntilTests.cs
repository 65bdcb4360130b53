using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Traces;

/// <summary><c>vigil traces --until</c>, as <c>vigil logs</c> and <c>vigil errors</c> have it.</summary>
public sealed class TracesUntilTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Traces_Until_OnlyTracesThatStartedBefore()
    {
        await _store.WriteSpansAsync(
            Some.Span("GET /older", "a000000000000001", null, CliHarness.Now.AddMinutes(-5), TimeSpan.FromMilliseconds(10), "11111111111111111111111111111111"),
            Some.Span("GET /newer", "b000000000000001", null, CliHarness.Now.AddMinutes(-1), TimeSpan.FromMilliseconds(10), "22222222222222222222222222222222"));

        var run = await _cli.RunAsync("traces", "--since", "10m", "--until", "3m", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("GET /older", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /newer", run.Stdout, StringComparison.Ordinal);
    }
}
