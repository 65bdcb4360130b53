using Microsoft.Data.Sqlite;
using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>A trace id prefix is looked up by a seek in the traces table's primary key, never by reading every trace.</summary>
public sealed class SqliteTraceIdLookupTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigil-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task FindTraceIdsSql_QueryPlan_SearchesThePrimaryKey()
    {
        var path = Path.Combine(_directory, "vigil.db");
        await using (SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer))
        {
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteStore.FindTraceIdsSql;
        command.Parameters.AddWithValue("@low", "c209");
        command.Parameters.AddWithValue("@high", "c20:");
        command.Parameters.AddWithValue("@limit", 6);
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH traces USING PRIMARY KEY (trace_id>? AND trace_id<?)", step, StringComparison.Ordinal);
    }
}
