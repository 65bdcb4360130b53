using Vigil.Cli.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>
/// One <c>vigil demo --duration 3s</c> run, in-process on free ports and a temp store, shared by the
/// assertions of <see cref="DemoCommandTests"/>: each run takes seconds on a shared machine.
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    internal TempStore Store { get; } = new();

    internal CliRun Run { get; private set; } = new(-1, string.Empty, string.Empty);

    public async Task InitializeAsync()
    {
        Run = await new CliHarness()
            .RunAsync("demo", "--store", Store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", "--duration", "3s", "--rate", "10")
            .WaitAsync(Timeout);
    }

    /// <summary>Opens the store the way <c>vigil logs</c> would, and runs one query on it.</summary>
    internal async Task<T> ReadAsync<T>(Func<ITelemetryStore, Task<T>> query)
    {
        var store = SqliteTelemetryStore.Open(Store.Path, TelemetryStoreOptions.Reader);
        await using (store)
        {
            return await query(store).WaitAsync(Timeout);
        }
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
