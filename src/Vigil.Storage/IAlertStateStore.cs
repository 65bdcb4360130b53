using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// What the alert engine persists: each evaluation's instances (so the <c>For</c> state survives a restart, and every
/// change of state becomes history) and each notification attempt. Engines implement it; the HTTP client does not.
/// </summary>
public interface IAlertStateStore : IAlertTriageStore
{
    /// <summary>
    /// Saves instances, matched by rule name and labels: a new one gets an id, a known one is updated, and each whose
    /// <see cref="AlertInstance.State"/> differs from the stored one adds an <see cref="AlertTransition"/>, all in one
    /// transaction. A stored acknowledgement is kept unless the saved instance is no longer firing, which clears it.
    /// </summary>
    /// <param name="instances">The instances after an evaluation.</param>
    /// <param name="cancellationToken">Cancels before it commits.</param>
    /// <returns>The instances as stored, in the same order, with their ids and acknowledgements.</returns>
    Task<IReadOnlyList<AlertInstance>> SaveAlertsAsync(IReadOnlyList<AlertInstance> instances, CancellationToken cancellationToken = default);

    /// <summary>Records one notification attempt.</summary>
    /// <param name="attempt">The attempt; its <see cref="NotificationAttempt.Id"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels before it commits.</param>
    /// <returns>The attempt with its id.</returns>
    Task<NotificationAttempt> RecordNotificationAsync(NotificationAttempt attempt, CancellationToken cancellationToken = default);
}
