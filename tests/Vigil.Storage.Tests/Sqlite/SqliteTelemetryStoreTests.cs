using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>The contract suite against a real SQLite file in a temp folder.</summary>
public sealed class SqliteTelemetryStoreTests : TelemetryStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "vigil-storage-tests", Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_directory, "nested", "vigil.db");

    protected override Task<ITelemetryStore> CreateStoreAsync() =>
        Task.FromResult(SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer with { Clock = Clock }));

    protected override Task<ITelemetryStore> CreateOtherStoreAsync(TelemetryStoreOptions options) =>
        Task.FromResult(SqliteTelemetryStore.Open(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db"), options));

    protected override Task<ITelemetryStore> OpenSecondInstanceAsync() =>
        Task.FromResult(SqliteTelemetryStore.Open(StorePath, TelemetryStoreOptions.Writer with { Clock = Clock }));

    protected override Task DeleteStoreAsync()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }
}
