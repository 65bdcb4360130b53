using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Writes (ITelemetryWriter). Not written yet (pg-core): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task WriteAsync(TelemetryBatch batch, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
