using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Alerting.Tests.Rules;

/// <summary>A real SQLite store on a temporary file, a fake clock shared by the store and the engine, and a notifier that records.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    public EngineFixture(DateTimeOffset? start = null)
    {
        Time = new FakeTimeProvider(start ?? TestRules.Start);
        Store = Open();
    }

    public TempDirectory Directory { get; } = new();

    public FakeTimeProvider Time { get; }

    public ITelemetryStore Store { get; private set; }

    public RecordingNotifier Notifier { get; } = new();

    public RuleEngineServices Services => new(Time, Store, Store, Store, Store, Notifier, NullLogger.Instance);

    public AlertRuleEngine Engine(AlertRuleSource source) => new(source, Services);

    public AlertRuleEngine Engine(AlertingSection section) => Engine(new AlertRuleSource(section));

    /// <summary>Moves the fake clock one step at a time until the condition holds: the engine's timers fire as time passes.</summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? step = null)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            Time.Advance(step ?? TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Fail($"never: {what}");
    }

    /// <summary>Closes and reopens the store file, as a restarted server does.</summary>
    public async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = Open();
    }

    public Task WriteAsync(params HealthResult[] results) => Store.WriteAsync(new TelemetryBatch { HealthResults = results });

    public HealthResult Probe(string name, HealthStatus status, TimeSpan? interval = null) => new()
    {
        Name = name,
        Kind = HealthSourceKind.Probe,
        ServiceName = "vigil-serve",
        Status = status,
        Observed = status,
        Timestamp = Time.GetUtcNow(),
        Interval = interval ?? TimeSpan.FromSeconds(10),
        Description = status == HealthStatus.Healthy ? "200 OK" : "connection refused",
    };

    public Task<IReadOnlyList<AlertInstance>> AlertsAsync(params AlertState[] states) =>
        Store.QueryAlertsAsync(new AlertQuery { States = states.Length == 0 ? [AlertState.Pending, AlertState.Firing, AlertState.Resolved, AlertState.Inactive] : states });

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Dispose();
    }

    private ITelemetryStore Open() => SqliteTelemetryStore.Open(Directory.Combine("vigil.db"), TelemetryStoreOptions.Writer with { Clock = Time });
}
