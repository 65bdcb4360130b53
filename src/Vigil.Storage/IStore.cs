namespace Vigil.Storage;

/// <summary>
/// What every store role shares: where the store is, and that it is closed when done. Implementations are safe to use
/// from several threads, and several processes may open the same store at once.
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>The location of the store (a file path for SQLite, a URL for a server's query API).</summary>
    string Location { get; }
}
