using Vigil.Model;

namespace Vigil.Storage;

/// <summary>The triage role: error groups (read and decided on) and the health of checks and probes.</summary>
public interface ITriageStore : IStore
{
    /// <summary>
    /// Lists error groups, newest activity first (see <see cref="ErrorGroupQuery"/>). A list carries summaries:
    /// <see cref="ErrorGroup.StackTrace"/> is null; <see cref="GetErrorGroupAsync"/> gives it.
    /// </summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The matching groups.</returns>
    Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads one error group with its hourly counts and latest events.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="hours">How many hours of counts, ending with the current hour.</param>
    /// <param name="latestEvents">How many of the latest events.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The group, or null when there is no group with that id.</returns>
    Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default);

    /// <summary>Applies a user's triage decision to an error group.</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="change">The new status and its options (see <see cref="ErrorStatusChange.Problem"/>).</param>
    /// <param name="cancellationToken">Cancels before the change commits.</param>
    /// <returns>The group after the change, or null when there is no group with that id.</returns>
    /// <exception cref="ChangeRefusedException">The change is not valid.</exception>
    Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default);

    /// <summary>Reads the current state of every health check and probe that matches.</summary>
    /// <param name="query">The filters.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One state per check or probe, ordered by kind, service and name.</returns>
    Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the recent results of every health check and probe that matches: each with its newest
    /// <see cref="HealthHistoryQuery.PerCheck"/> results within the query's time range, newest first (equal times by
    /// the order they were stored, newest first). A check with no result in the range is left out.
    /// </summary>
    /// <param name="query">The filters, the range and the bound per check.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One history per check or probe, ordered by kind, service and name.</returns>
    Task<IReadOnlyList<HealthHistory>> QueryHealthHistoryAsync(HealthHistoryQuery query, CancellationToken cancellationToken = default);
}
