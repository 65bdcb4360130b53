using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Log queries (ITelemetryReader). Not written yet (pg-core): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<IReadOnlyList<LogEntry>> QueryLogsAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
