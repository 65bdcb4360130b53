using Vigil.Alerting.Rules;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Configuration;
using Vigil.Storage.Sqlite;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>A real SQLite store in a temp folder, and one rule's condition evaluated against it at a chosen time.</summary>
internal sealed class ConditionHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public ConditionHarness() => Store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"));

    public ITelemetryStore Store { get; }

    public static IReadOnlyList<ConfigurationProblem> Validate(AlertRuleOptions options) =>
        [.. (RuleKinds.Find(options.Kind) ?? throw new InvalidOperationException("unknown kind " + options.Kind)).Validate(options, "Alerts:Rules:0")];

    public Task<IReadOnlyList<RuleSample>> EvaluateAsync(AlertRuleOptions options, DateTimeOffset? now = null) => Evaluator(options)(now ?? Now);

    /// <summary>
    /// One rule's condition, built once, evaluated at each time given in turn (as the engine does between reloads):
    /// for what a condition keeps between evaluations.
    /// </summary>
    public Func<DateTimeOffset, Task<IReadOnlyList<RuleSample>>> Evaluator(AlertRuleOptions options)
    {
        var kind = RuleKinds.Find(options.Kind) ?? throw new InvalidOperationException("unknown kind " + options.Kind);
        Assert.Empty(kind.Validate(options, "Alerts:Rules:0"));
        var rule = new AlertRule { Name = options.Name ?? "test", Kind = kind, Options = options };
        var condition = kind.Create(options);
        return now => condition.EvaluateAsync(new RuleContext { Now = now, Rule = rule, Reader = Store, Signals = Store, Triage = Store }, CancellationToken.None);
    }

    public Task WriteAsync(TelemetryBatch batch) => Store.WriteAsync(batch);

    public static TelemetryResource Resource(string service) => new() { Attributes = [new(TelemetryResource.ServiceNameKey, service)] };

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _directory.Dispose();
    }
}
