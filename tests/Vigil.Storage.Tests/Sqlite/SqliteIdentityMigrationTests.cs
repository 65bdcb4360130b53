using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// Schema 10 changed the identity hash of resources, scopes and metric series from SHA-256 to XXH3 and rehashes the
/// stored rows. A store whose rows carry the old hashes must keep one row per identity: the next write of the same
/// series continues its history instead of starting a second series beside it.
/// </summary>
public sealed class SqliteIdentityMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_StoreWithSha256IdentityHashes_RehashesSoTheSameSeriesKeepsOneRow()
    {
        // Arrange: a version 9 store, its identity rows hashed as every Vigil up to version 9 hashed them.
        var path = _directory.Combine("v9.db");
        var attributes = new KeyValuePair<string, object?>[] { new("queue", "orders"), new("shard", 3), new("ratio", 0.5) };
        await using (var old = SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 9))
        {
            // Today's writer fills migration 14's exemplars column: the file has it for this write only.
            using (var connection = Open(path))
            {
                Execute(connection, "ALTER TABLE metric_points ADD COLUMN exemplars TEXT;");
            }

            await old.WriteAsync(new TelemetryBatch
            {
                MetricPoints = [Some.Value(Some.Gauge(attributes: attributes), Some.BaseTime, 1), Some.Value(Some.Counter(), Some.BaseTime, 10)],
                Spans = [Some.Span(1, 1)],
            });
        }

        using (var connection = Open(path))
        {
            Execute(connection, "ALTER TABLE metric_points DROP COLUMN exemplars;");
        }

        WriteSha256Hashes(path);

        // Act: the same series and resource again, as new objects (equal content, as the OTLP mapper makes them).
        await using var store = SqliteTelemetryStore.Open(path);
        await store.WriteAsync(new TelemetryBatch
        {
            MetricPoints =
            [
                Some.Value(Some.Gauge(attributes: attributes), Some.BaseTime.AddMinutes(1), 2),
                Some.Value(Some.Counter(), Some.BaseTime.AddMinutes(1), 15),
            ],
            Spans = [Some.Span(2, 1)],
        });

        // Assert: no second resource, scope or series; each series holds both points.
        Assert.Equal(SchemaMigrator.LatestVersion, Count(path, "PRAGMA user_version;"));
        Assert.Equal(1, Count(path, "SELECT count(*) FROM resources;"));
        Assert.Equal(1, Count(path, "SELECT count(*) FROM scopes;"));
        Assert.Equal(2, Count(path, "SELECT count(*) FROM metric_series;"));
        Assert.Equal(2, Count(path, "SELECT count(DISTINCT series_id) FROM metric_points;"));
        var gauge = Assert.Single(await store.ListMetricsAsync(), m => m.Name == "queue.length");
        Assert.Equal(2, gauge.LatestValue);
        var counter = await store.QueryMetricAsync(new MetricQuery
        {
            Name = "http.requests",
            From = Some.BaseTime,
            To = Some.BaseTime.AddMinutes(2),
            Step = TimeSpan.FromMinutes(2),
        });
        Assert.Single(counter.Series);
        Assert.Equal(2, (await store.GetTraceAsync(Some.TraceId(2))).Count + (await store.GetTraceAsync(Some.TraceId(1))).Count);
    }

    [Fact]
    public void Migrate_TwoRowsWithOneIdentity_KeepsBothAndSucceeds()
    {
        // Arrange: two scopes whose identity text is equal (a store written by a Vigil whose identity text differed).
        var path = _directory.Combine("twins.db");
        using (var connection = Open(path))
        {
            SchemaMigrator.Migrate(connection, path, targetVersion: 9);
            Execute(connection, "INSERT INTO scopes (hash, name, version, attributes) VALUES (1, 'Shop', '1.0', '{}'), (2, 'Shop', '1.0', '{}');");

            // Act
            SchemaMigrator.Migrate(connection, path);
        }

        // Assert: the first carries the new hash, the second its old one.
        Assert.Equal(SchemaMigrator.LatestVersion, Count(path, "PRAGMA user_version;"));
        Assert.Equal(IdentityHash.Of("s\nShop\n1.0\n{}"), Count(path, "SELECT hash FROM scopes ORDER BY id LIMIT 1;"));
        Assert.Equal(2, Count(path, "SELECT hash FROM scopes ORDER BY id DESC LIMIT 1;"));
    }

    /// <summary>Replaces each identity hash by the one schema 9 writers stored: the first 8 bytes of SHA-256, little-endian.</summary>
    private static void WriteSha256Hashes(string path)
    {
        using var connection = Open(path);
        var resources = Rehash(connection, "resources", "SELECT id, 'r' || char(10) || coalesce(schema_url, '') || char(10) || attributes FROM resources;");
        var scopes = Rehash(connection, "scopes", "SELECT id, 's' || char(10) || name || char(10) || coalesce(version, '') || char(10) || attributes FROM scopes;");
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, name, unit, kind, temporality, monotonic, resource_id, scope_id, attributes FROM metric_series;";
        var series = new List<(long Id, long Hash)>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                // string.Join as the old writer built it, from the same parts.
                var identity = string.Join(
                    '\n',
                    "m",
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetInt64(3).ToString(CultureInfo.InvariantCulture),
                    reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                    reader.GetInt64(5) == 1 ? "1" : "0",
                    resources[reader.GetInt64(6)].ToString(CultureInfo.InvariantCulture),
                    scopes[reader.GetInt64(7)].ToString(CultureInfo.InvariantCulture),
                    reader.GetString(8));
                series.Add((reader.GetInt64(0), Sha256Hash(identity)));
            }
        }

        foreach (var (id, hash) in series)
        {
            Execute(connection, FormattableString.Invariant($"UPDATE metric_series SET hash = {hash} WHERE id = {id};"));
        }
    }

    private static Dictionary<long, long> Rehash(SqliteConnection connection, string table, string identities)
    {
        var hashes = new Dictionary<long, long>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = identities;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                hashes[reader.GetInt64(0)] = Sha256Hash(reader.GetString(1));
            }
        }

        foreach (var (id, hash) in hashes)
        {
            Execute(connection, FormattableString.Invariant($"UPDATE {table} SET hash = {hash} WHERE id = {id};"));
        }

        return hashes;
    }

    private static long Sha256Hash(string text) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
