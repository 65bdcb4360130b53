using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Support;

/// <summary>
/// A real SQLite store file in a temp folder, deleted afterwards. Each write opens the store,
/// writes and closes it, as a separate application process would.
/// </summary>
internal sealed class TempStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempStore() => Path = _directory.Combine("vigil.db");

    public string Path { get; }

    /// <summary>Creates the (empty) store file.</summary>
    public async Task CreateAsync()
    {
        var store = SqliteTelemetryStore.Open(Path, TelemetryStoreOptions.Writer);
        await store.DisposeAsync();
    }

    public async Task WriteAsync(TelemetryBatch batch)
    {
        var store = SqliteTelemetryStore.Open(Path, TelemetryStoreOptions.Writer);
        await using (store.ConfigureAwait(false))
        {
            await store.WriteAsync(batch);
        }
    }

    public Task WriteLogsAsync(params LogEntry[] logs) => WriteAsync(new TelemetryBatch { Logs = logs });

    public Task WriteSpansAsync(params SpanEntry[] spans) => WriteAsync(new TelemetryBatch { Spans = spans });

    public Task WritePointsAsync(params MetricPoint[] points) => WriteAsync(new TelemetryBatch { MetricPoints = points });

    public void Dispose() => _directory.Dispose();
}
