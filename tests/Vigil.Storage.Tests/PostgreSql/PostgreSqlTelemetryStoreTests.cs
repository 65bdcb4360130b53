using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>The contract suite against a fresh database on a real PostgreSQL server (<see cref="PostgreSqlTestCluster"/>).</summary>
public sealed class PostgreSqlTelemetryStoreTests : TelemetryStoreContractTests
{
    private readonly List<string> _databases = [];
    private string? _database;

    protected override async Task<ITelemetryStore> CreateStoreAsync()
    {
        _database = await CreateDatabaseAsync();
        return PostgreSqlTelemetryStore.Open(PostgreSqlTestCluster.Shared.ConnectionString(_database), TelemetryStoreOptions.Writer with { Clock = Clock });
    }

    protected override async Task<ITelemetryStore> CreateOtherStoreAsync(TelemetryStoreOptions options) =>
        PostgreSqlTelemetryStore.Open(PostgreSqlTestCluster.Shared.ConnectionString(await CreateDatabaseAsync()), options);

    protected override Task<ITelemetryStore> OpenSecondInstanceAsync() =>
        Task.FromResult(PostgreSqlTelemetryStore.Open(PostgreSqlTestCluster.Shared.ConnectionString(_database!), TelemetryStoreOptions.Writer with { Clock = Clock }));

    protected override async Task DeleteStoreAsync()
    {
        foreach (var database in _databases)
        {
            await PostgreSqlTestCluster.Shared.DropDatabaseAsync(database);
        }
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var database = await PostgreSqlTestCluster.Shared.CreateDatabaseAsync();
        _databases.Add(database);
        return database;
    }
}
