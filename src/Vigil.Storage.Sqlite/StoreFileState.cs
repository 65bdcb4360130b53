namespace Vigil.Storage.Sqlite;

/// <summary>What <see cref="StoreFileInspector"/> found at a store's path.</summary>
/// <param name="Kind">Missing, empty, a Vigil store or another program's database.</param>
/// <param name="Version">The schema version (<c>PRAGMA user_version</c>); 0 unless <paramref name="Kind"/> is Vigil.</param>
/// <param name="Reason">For a foreign file, why it is not taken for a Vigil store (for the message).</param>
internal sealed record StoreFileState(StoreFileKind Kind, int Version = 0, string? Reason = null);
