namespace Vigil.Storage.PostgreSql;

/// <summary>Retention (IRetentionStore). Not written yet (pg-core): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<RetentionResult> ApplyRetentionAsync(RetentionOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
