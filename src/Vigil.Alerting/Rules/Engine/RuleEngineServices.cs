using Microsoft.Extensions.Logging;
using Vigil.Storage;

namespace Vigil.Alerting.Rules;

/// <summary>What every rule's evaluation uses: the clock, the store's roles, the notifier (if any) and the log.</summary>
internal sealed record RuleEngineServices(
    TimeProvider Time,
    IAlertStateStore Store,
    ITelemetryReader Reader,
    IAlertSignalReader Signals,
    ITriageStore Triage,
    IAlertNotifier? Notifier,
    ILogger Logger);
