using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Tells a Vigil store from any other file before anything is written to it, on a read-only
/// connection of its own, so that neither a reader nor a writer ever changes another program's
/// database. A store is Vigil's when its <c>PRAGMA application_id</c> is
/// <see cref="SchemaMigrator.ApplicationId"/> (set when a writer creates or upgrades it); a store
/// written before that marker existed (schema 1 to <see cref="SchemaMigrator.LastUnmarkedVersion"/>)
/// is recognised by having every table its <c>user_version</c> says it has.
/// </summary>
internal static class StoreFileInspector
{
    /// <exception cref="SqliteException">The file is not a SQLite database, or cannot be read.</exception>
    public static StoreFileState Inspect(string path)
    {
        if (!File.Exists(path))
        {
            return new(StoreFileKind.Missing);
        }

        if (new FileInfo(path).Length == 0)
        {
            return new(StoreFileKind.Empty);
        }

        // Pooling off: this connection is gone before the store's own (read-only or not) are opened.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var applicationId = Scalar(connection, "PRAGMA application_id;");
        var version = Scalar(connection, "PRAGMA user_version;");
        var objects = SchemaObjects(connection);
        if (applicationId == SchemaMigrator.ApplicationId)
        {
            return new(StoreFileKind.Vigil, version);
        }

        if (applicationId != 0)
        {
            return new(StoreFileKind.Foreign, Reason: string.Create(CultureInfo.InvariantCulture, $"its application_id is 0x{applicationId:x8}, another program's"));
        }

        if (version == 0 && objects.Count == 0)
        {
            return new(StoreFileKind.Empty);
        }

        if (version >= 1 && version <= SchemaMigrator.LastUnmarkedVersion && SchemaMigrator.TablesUpTo(version).IsSubsetOf(objects))
        {
            return new(StoreFileKind.Vigil, version);
        }

        return new(StoreFileKind.Foreign, Reason: version switch
        {
            0 => "it holds tables Vigil did not create",
            > SchemaMigrator.LastUnmarkedVersion => string.Create(CultureInfo.InvariantCulture, $"its user_version is {version}, but it has no Vigil mark (application_id), which every Vigil store of that schema has"),
            _ => string.Create(CultureInfo.InvariantCulture, $"its user_version is {version} but it lacks the tables of Vigil's schema {version}"),
        });
    }

    private static int Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HashSet<string> SchemaObjects(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'view', 'trigger');";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
