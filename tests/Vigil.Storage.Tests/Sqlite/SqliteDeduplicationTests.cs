using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Resources, scopes and metric series are stored once however often records repeat them.</summary>
public sealed class SqliteDeduplicationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_EqualResourcesScopesAndSeriesAsNewObjects_StoresEachOnce()
    {
        // Arrange: every builder call makes new, equal objects.
        var path = _directory.Combine("dedup.db");
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            // Act: two batches, and a second store instance (cold caches) like another process.
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = [Some.Log("a"), Some.Log("b")],
                MetricPoints = [Some.Value(Some.Gauge(), Some.BaseTime, 1), Some.Value(Some.Gauge(), Some.BaseTime.AddSeconds(1), 2)],
            });
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("c")], Spans = [Some.Span(1, 1)] });
        }

        await using (var other = SqliteTelemetryStore.Open(path))
        {
            await other.WriteAsync(new TelemetryBatch { Logs = [Some.Log("d", service: "billing")], MetricPoints = [Some.Value(Some.Gauge(), Some.BaseTime.AddSeconds(2), 3)] });
        }

        // Assert
        Assert.Equal(2, Count(path, "resources"));
        Assert.Equal(1, Count(path, "scopes"));
        Assert.Equal(1, Count(path, "metric_series"));
        Assert.Equal(3, Count(path, "metric_points"));
        Assert.Equal(4, Count(path, "logs"));
    }

    private static long Count(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // The table name is one of the constants above, never input.
        command.CommandText = $"SELECT count(*) FROM {table};";
        return (long)command.ExecuteScalar()!;
    }
}
