using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// What people do with alerts: list them and their history, acknowledge them, silence them. The store is where these
/// decisions live, not the server's memory, so an acknowledgement typed on one server (or straight into the file)
/// stops escalation on the server that notifies, and a silence outlives a restart. The CLI's client of a server's
/// query API implements this role; the rule engine and the notifier write through <see cref="IAlertStateStore"/>.
/// </summary>
public interface IAlertTriageStore : IStore
{
    /// <summary>Lists alert instances (see <see cref="AlertQuery"/>).</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching instances.</returns>
    Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one alert instance.</summary>
    /// <param name="id">The instance's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The instance, or null when there is none with that id.</returns>
    Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Lists state transitions, newest first.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching transitions.</returns>
    Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Lists notification attempts, newest first.</summary>
    /// <param name="query">The filters (<see cref="AlertHistoryQuery.AlertId"/> matches any alert the notification carried).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching attempts.</returns>
    Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Acknowledges a firing alert; the latest acknowledgement wins.</summary>
    /// <param name="id">The instance's id.</param>
    /// <param name="acknowledgement">Who, when and why.</param>
    /// <param name="cancellationToken">Cancels before the change commits.</param>
    /// <returns>The instance after the change, or null when there is none with that id.</returns>
    /// <exception cref="ChangeRefusedException">The instance is not firing, so there is nothing to acknowledge, or the acknowledgement names no one.</exception>
    Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default);

    /// <summary>Creates a silence.</summary>
    /// <param name="silence">The silence; its <see cref="Silence.Id"/> is ignored.</param>
    /// <param name="cancellationToken">Cancels before it commits.</param>
    /// <returns>The silence with its id.</returns>
    /// <exception cref="ChangeRefusedException">It has no matcher, or it ends before it starts.</exception>
    Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default);

    /// <summary>Lists silences: pending and active ones, and expired ones when asked, newest first.</summary>
    /// <param name="now">The moment that decides each silence's state.</param>
    /// <param name="includeExpired">Whether expired silences are included.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The silences.</returns>
    Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default);

    /// <summary>Ends a silence now (its end becomes <paramref name="now"/>, or its start for one still pending).</summary>
    /// <param name="id">The silence's id.</param>
    /// <param name="now">The moment of expiry.</param>
    /// <param name="cancellationToken">Cancels before it commits.</param>
    /// <returns>The silence after the change, or null when there is none with that id.</returns>
    Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default);
}
