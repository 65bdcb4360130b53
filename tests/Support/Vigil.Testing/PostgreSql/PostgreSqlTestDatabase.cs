using Npgsql;

namespace Vigil.Testing.PostgreSql;

/// <summary>
/// A fresh database on a test cluster for one test, and what the test opened on it: disposing disposes those in order,
/// then drops the database. <see cref="ScalarAsync"/> reads the database directly, the second source tests check the
/// store's answers against.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly PostgreSqlTestCluster _cluster;
    private readonly List<IAsyncDisposable> _opened = [];

    private PostgreSqlTestDatabase(PostgreSqlTestCluster cluster, string name)
    {
        _cluster = cluster;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The Npgsql connection string, with the password.</summary>
    public string ConnectionString => _cluster.ConnectionString(Name);

    /// <summary>Creates a database on <paramref name="cluster"/> (the shared cluster when null).</summary>
    public static async Task<PostgreSqlTestDatabase> CreateAsync(PostgreSqlTestCluster? cluster = null)
    {
        cluster ??= PostgreSqlTestCluster.Shared;
        return new PostgreSqlTestDatabase(cluster, await cluster.CreateDatabaseAsync());
    }

    /// <summary>Keeps <paramref name="opened"/> to dispose before the database is dropped.</summary>
    public T Track<T>(T opened)
        where T : IAsyncDisposable
    {
        _opened.Add(opened);
        return opened;
    }

    /// <summary>Opens a connection of the test's own.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The one value <paramref name="sql"/> returns, read on a connection of its own.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every value of the first column <paramref name="sql"/> returns.</summary>
    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened)
        {
            await opened.DisposeAsync();
        }

        await _cluster.DropDatabaseAsync(Name);
    }
}
