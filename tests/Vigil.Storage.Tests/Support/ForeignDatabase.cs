using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Tests.Support;

/// <summary>SQLite files as other programs leave them, written and read without the store.</summary>
internal static class ForeignDatabase
{
    /// <summary>Another program's database: a table of its own, a rollback journal, the given user_version.</summary>
    /// <returns>The file's bytes, to compare with afterwards.</returns>
    public static byte[] Create(string path, int userVersion = 0)
    {
        Execute(path, $"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada'); PRAGMA user_version = {userVersion};");
        return File.ReadAllBytes(path);
    }

    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static int Pragma(string path, string name)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
