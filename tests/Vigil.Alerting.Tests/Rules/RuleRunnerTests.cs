using Vigil.Alerting.Rules;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Rules;

public sealed class RuleRunnerTests
{
    [Fact]
    public async Task RunAsync_ASlowRule_NeverStallsTheOthers_AndTimesOutAsAFailure()
    {
        await using var fixture = new EngineFixture();
        var slow = new BlockingCondition();
        var fast = new CountingCondition();
        var slowRunner = new RuleRunner(new AlertStateMachine(TestRules.Health(name: "Slow")), slow, fixture.Services);
        var fastRunner = new RuleRunner(new AlertStateMachine(TestRules.Health(name: "Fast", interval: "1s")), fast, fixture.Services);
        using var stop = new CancellationTokenSource();
        var tasks = new[] { Task.Run(() => slowRunner.RunAsync(stop.Token)), Task.Run(() => fastRunner.RunAsync(stop.Token)) };
        await Eventually.TrueAsync(() => slow.Started && fast.Calls >= 1, "both started");

        // The slow rule is stuck in its condition; the fast one goes on every (fake) second.
        for (var i = 0; i < 8; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            var expected = i + 2;
            await Eventually.TrueAsync(() => fast.Calls >= expected, $"fast evaluation {expected}");
        }

        Assert.Equal(0, slowRunner.Status().Evaluations);
        await Eventually.TrueAsync(() => fastRunner.Status().Evaluations == 9, "nine fast evaluations recorded");

        // Past its timeout (10s at least) it is given up, counted, and says why.
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => slowRunner.Status().Failures == 1, "the slow evaluation timed out");
        Assert.Equal("the evaluation took longer than 10s", slowRunner.Status().LastError);
        Assert.Equal(0, fastRunner.Status().Failures);
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task EvaluateOnceAsync_ConditionThrows_CountsTheFailureAndKeepsTheInstances()
    {
        await using var fixture = new EngineFixture();
        var condition = new CountingCondition();
        var runner = new RuleRunner(new AlertStateMachine(TestRules.Health(name: "Flaky")), condition, fixture.Services);
        await runner.EvaluateOnceAsync(CancellationToken.None);
        Assert.Equal(1, runner.Status().Firing);

        condition.Fail = true;
        await runner.EvaluateOnceAsync(CancellationToken.None);

        var status = runner.Status();
        Assert.Equal(2, status.Evaluations);
        Assert.Equal(1, status.Failures);
        Assert.Equal("the store is gone", status.LastError);
        Assert.Equal(1, status.Firing);
        Assert.Equal(AlertState.Firing, Assert.Single(await fixture.AlertsAsync()).State);

        condition.Fail = false;
        await runner.EvaluateOnceAsync(CancellationToken.None);
        Assert.Null(runner.Status().LastError);
    }

    [Fact]
    public async Task EvaluateOnceAsync_NotifierThrows_TheAlertIsStillSaved()
    {
        await using var fixture = new EngineFixture();
        var services = fixture.Services with { Notifier = new ThrowingNotifier() };
        var runner = new RuleRunner(new AlertStateMachine(TestRules.Health(name: "Loud")), new CountingCondition(), services);

        await runner.EvaluateOnceAsync(CancellationToken.None);

        Assert.Equal(AlertState.Firing, Assert.Single(await fixture.AlertsAsync()).State);
        Assert.Null(runner.Status().LastError);
    }

    /// <summary>A condition that never answers until cancelled: a test double at the seam under test (runner → condition).</summary>
    private sealed class BlockingCondition : IRuleCondition
    {
        public volatile bool Started;

        public async Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
        {
            Started = true;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }

    /// <summary>A condition that always holds for one label set, or throws when told to.</summary>
    private sealed class CountingCondition : IRuleCondition
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Fail { get; set; }

        public Task<IReadOnlyList<RuleSample>> EvaluateAsync(RuleContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Fail
                ? throw new InvalidOperationException("the store is gone")
                : Task.FromResult<IReadOnlyList<RuleSample>>([TestRules.Sample("shop", active: true, 1, 0)]);
        }
    }

    private sealed class ThrowingNotifier : IAlertNotifier
    {
        public ValueTask PublishAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("the notifier is down");
    }
}
