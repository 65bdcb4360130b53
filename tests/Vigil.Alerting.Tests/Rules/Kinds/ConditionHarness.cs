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

    /// <summary>The folder of the store, which is also where rules read their budget file from by default.</summary>
    public TempDirectory Directory => _directory;

    /// <summary>A rule's own problems; <paramref name="context"/> is the load's (by default, this process's working directory).</summary>
    public static IReadOnlyList<ConfigurationProblem> Validate(AlertRuleOptions options, RuleLoadContext? context = null) =>
        [.. (RuleKinds.Find(options.Kind) ?? throw new InvalidOperationException("unknown kind " + options.Kind)).Validate(options, "Alerts:Rules:0", context ?? new RuleLoadContext(System.IO.Directory.GetCurrentDirectory(), null))];

    public Task<IReadOnlyList<RuleSample>> EvaluateAsync(AlertRuleOptions options, DateTimeOffset? now = null) => Evaluator(options)(now ?? Now);

    /// <summary>
    /// One rule's condition, built once, evaluated at each time given in turn (as the engine does between reloads):
    /// for what a condition keeps between evaluations.
    /// </summary>
    public Func<DateTimeOffset, Task<IReadOnlyList<RuleSample>>> Evaluator(AlertRuleOptions options)
    {
        var kind = RuleKinds.Find(options.Kind) ?? throw new InvalidOperationException("unknown kind " + options.Kind);
        var context = new RuleLoadContext(_directory.Path, null);
        Assert.Empty(kind.Validate(options, "Alerts:Rules:0", context));
        var rule = new AlertRule { Name = options.Name ?? "test", Kind = kind, Options = options, LoadContext = context };
        var condition = kind.Create(options, context);
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
