namespace Vigil.Storage.Sqlite;

/// <summary>Opens the embedded SQLite store.</summary>
public static class SqliteTelemetryStore
{
    /// <summary>
    /// Opens the store file at <paramref name="path"/>. A writer creates it when it is missing or empty
    /// and brings its schema up to date; a reader (<see cref="TelemetryStoreOptions.ReadOnly"/>) opens it
    /// read-only and writes nothing. Neither writes to a SQLite file that is not a Vigil store.
    /// </summary>
    /// <param name="path">The store file; see <see cref="StorePaths.Resolve(string?)"/>.</param>
    /// <param name="options">How to open it; <see cref="TelemetryStoreOptions.Writer"/> when null.</param>
    /// <returns>The open store; dispose it when done.</returns>
    /// <exception cref="StoreNotFoundException">The file is missing and <see cref="TelemetryStoreOptions.CreateIfMissing"/> is false.</exception>
    /// <exception cref="StoreNotFoundException">A reader found an empty (0-byte) file.</exception>
    /// <exception cref="StoreCorruptException">The file is not a SQLite database, is another program's database, or is damaged.</exception>
    /// <exception cref="StoreReadOnlyException">The file or its folder cannot be written.</exception>
    /// <exception cref="StoreVersionException">The file has a newer schema than this version knows, or a reader found an older one.</exception>
    public static ITelemetryStore Open(string path, TelemetryStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return SqliteStore.Open(Path.GetFullPath(path), options ?? TelemetryStoreOptions.Writer);
    }
}
