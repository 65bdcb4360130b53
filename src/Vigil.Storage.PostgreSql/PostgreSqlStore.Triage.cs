using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Error groups and health (ITriageStore). Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
