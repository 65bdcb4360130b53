using Vigil.Model;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// The behaviour every engine must have. An engine's test class derives from this and supplies a
/// fresh, empty store; the SQLite one is <see cref="Sqlite.SqliteTelemetryStoreTests"/>.
/// </summary>
public abstract partial class TelemetryStoreContractTests : IAsyncLifetime
{
    private ITelemetryStore? _store;

    protected ITelemetryStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>The clock <see cref="Store"/> must be given (<see cref="TelemetryStoreOptions.Clock"/>): the real time unless pinned.</summary>
    protected StoreClock Clock { get; } = new();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await DeleteStoreAsync();
    }

    /// <summary>Creates a new, empty store with <see cref="Clock"/> as its clock.</summary>
    protected abstract Task<ITelemetryStore> CreateStoreAsync();

    /// <summary>Removes what <see cref="CreateStoreAsync"/> created, after the store is disposed.</summary>
    protected abstract Task DeleteStoreAsync();

    protected Task WriteLogsAsync(params LogEntry[] logs) => Store.WriteAsync(new TelemetryBatch { Logs = logs });

    protected Task WriteSpansAsync(params SpanEntry[] spans) => Store.WriteAsync(new TelemetryBatch { Spans = spans });

    protected Task WritePointsAsync(params MetricPoint[] points) => Store.WriteAsync(new TelemetryBatch { MetricPoints = points });
}
