using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>Turns SQLite result codes into the store's specific exceptions, naming the file.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int Corrupt = 11;
    public const int CantOpen = 14;
    public const int NotADatabase = 26;

    public static bool IsBusy(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Busy or Locked;

    public static StoreException Translate(string path, SqliteException exception) => (exception.SqliteErrorCode & 0xFF) switch
    {
        Corrupt or NotADatabase => new StoreCorruptException(
            path, $"The store '{path}' is not a Vigil store or is damaged ({exception.Message}). Move it aside to start a new one.", exception),
        ReadOnly => new StoreReadOnlyException(
            path, $"The store '{path}' is read-only; Vigil needs to write it and its -wal and -shm files ({exception.Message}).", exception),
        CantOpen when !File.Exists(path) => new StoreNotFoundException(
            path, $"The store '{path}' does not exist.", exception),
        CantOpen => new StoreReadOnlyException(
            path, $"The store '{path}' cannot be opened for writing ({exception.Message}).", exception),
        Busy or Locked => new StoreException(
            path, $"The store '{path}' stayed locked by another process longer than the busy timeout ({exception.Message}).", exception),
        _ => new StoreException(path, $"The store '{path}' failed: {exception.Message}", exception),
    };
}
