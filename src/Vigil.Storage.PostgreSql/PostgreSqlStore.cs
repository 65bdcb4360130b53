using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>The PostgreSQL engine. One partial class, one file per store role (PostgreSqlStore.Logs.cs, ...), so
/// the roles can be written in parallel. Skeleton: the store roles (ITelemetryStore) are not implemented yet.</summary>
public sealed partial class PostgreSqlStore : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Opens the database named by an Npgsql connection string and brings its schema up to date.</summary>
    public static async Task<PostgreSqlStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await PostgreSqlMigrator.MigrateAsync(dataSource, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlStore(dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
