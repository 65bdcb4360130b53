using Vigil.Storage;
using Vigil.Storage.PostgreSql;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Hosting;

/// <summary>
/// Opens the store a location names, on the engine it names (<see cref="StorePaths.IsDatabase"/>): a PostgreSQL
/// database for a <c>postgres://</c> URL or connection string, else a SQLite file. The one place the server and the
/// CLI choose an engine.
/// </summary>
public static class StoreOpener
{
    /// <summary>Opens the store at <paramref name="location"/>.</summary>
    /// <param name="location">A resolved store location (<see cref="StorePaths.Resolve(string?)"/>).</param>
    /// <param name="options">How to open it.</param>
    /// <returns>The open store; dispose it when done.</returns>
    /// <exception cref="StoreException">The store cannot be opened; the message never holds a password.</exception>
    public static ITelemetryStore Open(string location, TelemetryStoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        ArgumentNullException.ThrowIfNull(options);
        return StorePaths.IsDatabase(location) ? PostgreSqlTelemetryStore.Open(location, options) : SqliteTelemetryStore.Open(location, options);
    }
}
