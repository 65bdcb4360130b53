namespace Vigil.Storage.Sqlite;

/// <summary>One embedded schema script.</summary>
/// <param name="Version">The version the file has after the script ran.</param>
/// <param name="Name">The script's file name, for messages.</param>
/// <param name="Script">The SQL.</param>
internal sealed record SchemaMigration(int Version, string Name, string Script);
