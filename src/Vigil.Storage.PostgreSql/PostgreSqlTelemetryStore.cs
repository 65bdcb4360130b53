namespace Vigil.Storage.PostgreSql;

/// <summary>Opens the PostgreSQL engine: one database shared by several Vigil servers and the CLI.</summary>
public static class PostgreSqlTelemetryStore
{
    /// <summary>
    /// Opens the database named by <paramref name="connection"/> (an Npgsql connection string or a
    /// <c>postgres://</c> URL). A writer brings its schema up to date under an advisory lock; a reader
    /// (<see cref="TelemetryStoreOptions.ReadOnly"/>) changes nothing and needs the schema to be current.
    /// </summary>
    /// <param name="connection">The connection string or URL; its password never appears in errors.</param>
    /// <param name="options">How to open it; <see cref="TelemetryStoreOptions.Writer"/> when null.</param>
    /// <returns>The open store; dispose it when done.</returns>
    /// <exception cref="StoreException">The database cannot be reached or its schema cannot be brought up to date.</exception>
    public static ITelemetryStore Open(string connection, TelemetryStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        return PostgreSqlStore.Open(connection, options ?? TelemetryStoreOptions.Writer);
    }
}
