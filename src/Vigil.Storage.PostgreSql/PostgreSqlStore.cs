using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL engine behind <see cref="ITelemetryStore"/>. One partial class, one file per store role
/// (PostgreSqlStore.Logs.cs, PostgreSqlStore.Triage.cs, ...). Every operation takes a pooled connection from one
/// <see cref="NpgsqlDataSource"/>; PostgreSQL's own locking lets several processes and servers share the database.
/// </summary>
internal sealed partial class PostgreSqlStore : ITelemetryStore, ISpanCountReader, IStoreUsageReader
{
    // PostgreSQL 14 is the oldest that detaches a partition concurrently (ThrowIfTooOld).
    private const int MinimumMajorVersion = 14;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TelemetryStoreOptions _options;

    private PostgreSqlStore(string location, NpgsqlDataSource dataSource, TelemetryStoreOptions options)
    {
        Location = location;
        _dataSource = dataSource;
        _options = options;
    }

    /// <summary>The database as host, port and name: never the password.</summary>
    public string Location { get; }

    public static PostgreSqlStore Open(string connection, TelemetryStoreOptions options)
    {
        var builder = PostgreSqlConnectionString.Parse(connection, Environment.GetEnvironmentVariable);
        var location = PostgreSqlConnectionString.Describe(builder);
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            ThrowIfTooOld(dataSource, location);
            if (options.ReadOnly)
            {
                PostgreSqlMigrator.ThrowIfNotCurrentAsync(dataSource, location, CancellationToken.None).GetAwaiter().GetResult();
            }
            else
            {
                PostgreSqlMigrator.MigrateAsync(dataSource, CancellationToken.None).GetAwaiter().GetResult();
            }

            return new PostgreSqlStore(location, dataSource, options);
        }
        catch (Exception exception) when (exception is NpgsqlException or PostgresException)
        {
            dataSource.Dispose();
            // Npgsql's messages name the host and user, never the password; the location says which database.
            throw new StoreException(location, $"Could not open the PostgreSQL store '{location}': {exception.Message}", exception);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>
    /// PostgreSQL 14 is the oldest that detaches a partition concurrently, which retention needs so that dropping a
    /// day never stops the queries and ingest of other servers (PostgreSqlStore.Retention.cs).
    /// </summary>
    private static void ThrowIfTooOld(NpgsqlDataSource dataSource, string location)
    {
        using var connection = dataSource.OpenConnection();
        if (connection.PostgreSqlVersion.Major < MinimumMajorVersion)
        {
            throw new StoreException(
                location,
                $"The PostgreSQL store '{location}' runs PostgreSQL {connection.ServerVersion}; Vigil needs PostgreSQL {MinimumMajorVersion} or later.",
                null);
        }
    }

    /// <summary>Opens a pooled connection.</summary>
    internal ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => DisposeLeaderAndDataSourceAsync();
}
