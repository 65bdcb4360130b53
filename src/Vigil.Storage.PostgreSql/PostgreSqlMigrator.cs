using System.Globalization;
using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>Applies the numbered embedded Schema/NNN.Name.sql files in order, each once, under an advisory lock so
/// two servers starting together against one database do not race. Numbers: 001 telemetry (logs, spans, points);
/// 002-009 error groups, health and alert state; 010 onwards whichever part comes next.</summary>
internal static class PostgreSqlMigrator
{
    private const string Prefix = "Vigil.Storage.PostgreSql.Schema.";

    // Any fixed key shared by every Vigil server; "VIGL" in ASCII.
    private const long LockKey = 0x5649474C;

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY)", cancellationToken).ConfigureAwait(false);
            foreach (var (version, name) in Migrations())
            {
                await using var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE version = @v", connection);
                check.Parameters.AddWithValue("v", version);
                if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var apply = new NpgsqlCommand(ReadResource(name), connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version) VALUES (@v)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", version);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A reader changes nothing: the database must already hold this version's schema.</summary>
    public static async Task ThrowIfNotCurrentAsync(NpgsqlDataSource dataSource, string location, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT max(version) FROM schema_migrations", connection);
        int? version;
        try
        {
            version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as int?;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            version = null;
        }

        var latest = Migrations().Max(m => m.Version);
        if (version is null)
        {
            throw new StoreNotFoundException(
                location,
                $"The database '{location}' holds no Vigil store yet: start `vigil serve` on it once to create the schema.",
                null);
        }

        if (version != latest)
        {
            throw new StoreVersionException(
                location,
                $"The store '{location}' has schema version {version}, and this Vigil reads version {latest}; reading never changes a store. " +
                "Start `vigil serve` of this version on it once to upgrade it.",
                null);
        }
    }

    private static IEnumerable<(int Version, string Name)> Migrations() =>
        typeof(PostgreSqlMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => (int.Parse(name.AsSpan(Prefix.Length, 3), CultureInfo.InvariantCulture), name))
            .OrderBy(migration => migration.Item1);

    private static string ReadResource(string name)
    {
        using var stream = typeof(PostgreSqlMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded migration {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
