using Npgsql;

namespace Vigil.Benchmarks;

/// <summary>The databases of <c>ingest --store postgres</c> and <c>store --postgres</c>: a new one per run on the cluster <c>--postgres</c> names, dropped after.</summary>
internal static class BenchPostgres
{
    public static async Task<string> CreateDatabaseAsync(string? admin)
    {
        ArgumentException.ThrowIfNullOrEmpty(admin, "--postgres 'Host=...;Username=...;Password=...;Database=postgres'");
        var name = "vigil_bench_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task<long> DatabaseSizeAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task DropDatabaseAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database);
        var name = builder.Database;
        NpgsqlConnection.ClearAllPools();
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
