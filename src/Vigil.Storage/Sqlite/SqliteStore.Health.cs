namespace Vigil.Storage.Sqlite;

/// <summary>Health states: placeholder until health results are stored (issue 6).</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<HealthState>> QueryHealthAsync(HealthQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Health results are not stored yet.");
}
