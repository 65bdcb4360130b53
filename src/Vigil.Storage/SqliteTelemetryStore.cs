using Vigil.Storage.Sqlite;

namespace Vigil.Storage;

/// <summary>Opens the embedded SQLite store.</summary>
public static class SqliteTelemetryStore
{
    /// <summary>
    /// Opens (and, for writers, creates) the store file at <paramref name="path"/>, bringing its
    /// schema up to date.
    /// </summary>
    /// <param name="path">The store file; see <see cref="StorePaths.Resolve(string?)"/>.</param>
    /// <param name="options">How to open it; <see cref="TelemetryStoreOptions.Writer"/> when null.</param>
    /// <returns>The open store; dispose it when done.</returns>
    /// <exception cref="StoreNotFoundException">The file is missing and <see cref="TelemetryStoreOptions.CreateIfMissing"/> is false.</exception>
    /// <exception cref="StoreCorruptException">The file is not a SQLite database or is damaged.</exception>
    /// <exception cref="StoreReadOnlyException">The file or its folder cannot be written.</exception>
    /// <exception cref="StoreVersionException">The file has a newer schema than this version knows.</exception>
    public static ITelemetryStore Open(string path, TelemetryStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return SqliteStore.Open(Path.GetFullPath(path), options ?? TelemetryStoreOptions.Writer);
    }
}
