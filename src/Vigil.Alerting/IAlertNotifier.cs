using Vigil.Model;

namespace Vigil.Alerting;

/// <summary>
/// Where alert instances go after each evaluation, and after each batch received over the Alertmanager API: the
/// notifier routes, groups, silences and escalates them. The rule engine hands over every instance that is firing or
/// has just resolved, every evaluation (as Prometheus re-sends to Alertmanager), so a notifier that restarts catches up.
/// </summary>
public interface IAlertNotifier
{
    /// <summary>Takes the current instances of one rule (or one received batch). Returns at once: delivery happens elsewhere.</summary>
    /// <param name="alerts">The instances, as stored (with their ids).</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>A task that completes when the notifier has them.</returns>
    ValueTask PublishAsync(IReadOnlyList<AlertInstance> alerts, CancellationToken cancellationToken = default);
}
