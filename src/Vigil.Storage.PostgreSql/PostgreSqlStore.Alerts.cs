using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Alert state, history, acknowledgements and silences (IAlertTriageStore, IAlertStateStore). Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<AlertInstance>> SaveAlertsAsync(IReadOnlyList<AlertInstance> instances, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<NotificationAttempt> RecordNotificationAsync(NotificationAttempt attempt, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<AlertInstance>> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<AlertInstance?> GetAlertAsync(long id, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<AlertTransition>> QueryAlertHistoryAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<NotificationAttempt>> QueryNotificationsAsync(AlertHistoryQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<AlertInstance?> AcknowledgeAlertAsync(long id, AlertAcknowledgement acknowledgement, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<Silence> CreateSilenceAsync(Silence silence, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<Silence>> QuerySilencesAsync(DateTimeOffset now, bool includeExpired, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Task<Silence?> ExpireSilenceAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
