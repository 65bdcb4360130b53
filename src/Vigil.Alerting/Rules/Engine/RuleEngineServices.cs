using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil.Alerting.Rules;

/// <summary>What every rule's evaluation uses: the clock, the store's roles, the notifier (if any), the log and the leader election.</summary>
internal sealed record RuleEngineServices(
    TimeProvider Time,
    IAlertStateStore Store,
    ITelemetryReader Reader,
    IAlertSignalReader Signals,
    ITriageStore Triage,
    IAlertNotifier? Notifier,
    ILogger Logger)
{
    /// <summary>Whether this server evaluates: of several servers on one database, only the leader does.</summary>
    public ILeaderElection Leader { get; init; } = AlwaysLeader.Instance;
}
