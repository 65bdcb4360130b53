using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Model;
using Vigil.Server.Probes;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Probes;

public sealed class ProbeRunnerTests : IAsyncDisposable
{
    private readonly ProbeHarness _harness = new();

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attempt_ProbeThrows_UnhealthyWithEveryMessage()
    {
        // Arrange
        using var runner = Runner(new DelegateProbe(_ => throw new InvalidOperationException("outer", new IOException("the real reason."))));

        // Act
        var result = await runner.AttemptAsync(CancellationToken.None).DefaultTimeout();

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result!.Observed);
        Assert.Equal("outer: the real reason", result.Description);
    }

    [Fact]
    public async Task Attempt_AnyOutcome_CarriesTheProbesIntervalToTheStore()
    {
        // Arrange
        using var runner = Runner(new DelegateProbe(_ => Task.FromResult(new ProbeAttempt(HealthStatus.Healthy, "ok", []))), interval: TimeSpan.FromSeconds(45));

        // Act
        var result = await runner.AttemptAsync(CancellationToken.None).DefaultTimeout();
        await _harness.Store.WriteAsync(new TelemetryBatch { HealthResults = [result!] }).DefaultTimeout();

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(45), result!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(45), (await _harness.StateAsync("fake").DefaultTimeout())!.Latest.Interval);
    }

    [Fact]
    public async Task Attempt_ProbeIgnoresItsToken_TimedOutAnyway()
    {
        // Arrange
        var never = new TaskCompletionSource<ProbeAttempt>();
        using var runner = Runner(new DelegateProbe(_ => never.Task));

        // Act
        var result = await runner.AttemptAsync(CancellationToken.None).DefaultTimeout();

        // Assert
        Assert.Equal(HealthStatus.Unhealthy, result!.Observed);
        Assert.Equal("timed out after 0.1 s", result.Description);
    }

    [Fact]
    public async Task Attempt_StoppingDuringAttempt_RecordsNothing()
    {
        // Arrange
        using var stopping = new CancellationTokenSource();
        using var runner = Runner(new DelegateProbe(async token =>
        {
            await stopping.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return ProbeAttempt.Unhealthy("unreachable");
        }));

        // Act
        var result = await runner.AttemptAsync(stopping.Token).DefaultTimeout();

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public async Task Run_NeverOverlapsAttemptsOfOneProbe()
    {
        // Arrange: each attempt takes longer than the interval would allow if ticks queued up.
        var running = 0;
        var maxRunning = 0;
        var attempts = 0;
        using var stopping = new CancellationTokenSource();
        using var runner = Runner(
            new DelegateProbe(async token =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(30, CancellationToken.None);
                Interlocked.Decrement(ref running);
                Interlocked.Increment(ref attempts);
                return new ProbeAttempt(HealthStatus.Healthy, "ok", []);
            }),
            interval: TimeSpan.FromMilliseconds(20),
            timeout: TimeSpan.FromMilliseconds(15));

        // Act
        var run = runner.RunAsync(stopping.Token);
        await Eventually.TrueAsync(() => Volatile.Read(ref attempts) >= 5, "five attempts");
        await stopping.CancelAsync();
        await run.DefaultTimeout();

        // Assert
        Assert.Equal(1, maxRunning);
        Assert.NotNull(await _harness.StateAsync("fake"));
    }

    [Fact]
    public async Task Run_StoppedDuringCommand_KillsIt()
    {
        // Arrange
        var definition = new ProbeDefinition { Name = "slow", Kind = ProbeKind.Command, File = "sh", Arguments = ["-c", "echo started; exec sleep 121"], Interval = TimeSpan.FromMinutes(5), Timeout = TimeSpan.FromMinutes(4) };
        using var runner = _harness.Runner(definition);
        using var stopping = new CancellationTokenSource();
        var run = runner.RunAsync(stopping.Token);
        await Eventually.TrueAsync(() => ProcessTable.CountChildren("sleep\0121\0") == 1, "the command to start");

        // Act
        await stopping.CancelAsync();
        await run.DefaultTimeout();

        // Assert
        await Eventually.TrueAsync(() => ProcessTable.CountChildren("sleep\0121\0") == 0, "the command to be killed");
        Assert.Null(await _harness.StateAsync("slow"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private ProbeRunner Runner(IProbe probe, TimeSpan? interval = null, TimeSpan? timeout = null) => new(
        new ProbeDefinition { Name = "fake", Kind = ProbeKind.Command, File = "x", Interval = interval ?? TimeSpan.FromSeconds(30), Timeout = timeout ?? TimeSpan.FromMilliseconds(100) },
        probe,
        _harness.Store,
        TimeProvider.System,
        NullLogger.Instance,
        ProbeService.ServiceName);

    private sealed class DelegateProbe(Func<CancellationToken, Task<ProbeAttempt>> run) : IProbe
    {
        public Task<ProbeAttempt> RunAsync(CancellationToken cancellationToken) => run(cancellationToken);

        public void Dispose()
        {
        }
    }
}
