using Microsoft.Data.Sqlite;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Migration 14 adds the exemplars column in place: a file with points from before it keeps them and takes exemplars.</summary>
public sealed class SqliteExemplarMigrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_FileAtSchema13WithPoints_KeepsThemAndStoresExemplars()
    {
        // Arrange: a store with a point, taken back to what schema 13 left (no exemplars column).
        var path = _directory.Combine("v13.db");
        await using (var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer))
        {
            await store.WriteAsync(ExemplarUpgrade.Before);
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE metric_points DROP COLUMN exemplars; PRAGMA user_version = 13;";
            command.ExecuteNonQuery();
        }

        // Act
        await using var upgraded = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer);

        // Assert
        await ExemplarUpgrade.AssertKeepsPointsAndStoresExemplarsAsync(upgraded);
    }
}
