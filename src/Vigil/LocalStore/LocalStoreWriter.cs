using Vigil.Internal;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.LocalStore;

/// <summary>
/// The store the local sink writes to, shared by its log, span and metric exporters. It is opened
/// on the first write rather than at start-up, so an application whose store is missing, locked or
/// read-only starts anyway (its exports fail and are counted) and recovers when the store does.
/// Retention runs on a timer, in small chunks, off the export threads.
/// </summary>
internal sealed class LocalStoreWriter : IDisposable
{
    /// <summary>The sink's name in Vigil's own metrics and fault events.</summary>
    public const string SinkName = "store";

    private static readonly TimeSpan s_firstRetentionDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_retentionInterval = TimeSpan.FromMinutes(10);

    private readonly Lock _sync = new();
    private readonly RetentionOptions _retention;
    private readonly TelemetryStoreOptions _storeOptions;
    private ITelemetryStore? _store;
    private Timer? _retentionTimer;
    private int _references;
    private int _retentionRunning;

    /// <param name="path">The store file.</param>
    /// <param name="retention">What the retention timer deletes.</param>
    /// <param name="errorTracking">How the store groups the exceptions written to it; the defaults when null.</param>
    public LocalStoreWriter(string path, RetentionOptions retention, ErrorTrackingOptions? errorTracking = null)
    {
        Path = path;
        _retention = retention;
        _storeOptions = TelemetryStoreOptions.Writer with { ErrorTracking = errorTracking ?? ErrorTrackingOptions.Default };
    }

    public string Path { get; }

    /// <summary>Stores a batch durably, on the calling (export) thread.</summary>
    public void Write(TelemetryBatch batch)
    {
        if (!batch.IsEmpty)
        {
            // Exporters are synchronous by contract; this runs on the batch processor's own thread.
            Open().WriteAsync(batch).GetAwaiter().GetResult();
        }
    }

    /// <summary>One deletion pass, as the timer runs it; exposed for tests.</summary>
    public RetentionResult? ApplyRetention()
    {
        if (Interlocked.Exchange(ref _retentionRunning, 1) == 1)
        {
            return null;
        }

        try
        {
            return Open().ApplyRetentionAsync(_retention).GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            VigilSdkEventSource.Log.SinkFailed("store-retention", exception);
            return null;
        }
        finally
        {
            Volatile.Write(ref _retentionRunning, 0);
        }
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>Releases one exporter's reference; the store closes when the last one is released.</summary>
    public void Dispose()
    {
        if (Interlocked.Decrement(ref _references) > 0)
        {
            return;
        }

        lock (_sync)
        {
            _retentionTimer?.Dispose();
            _retentionTimer = null;
            _store?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _store = null;
        }
    }

    private ITelemetryStore Open()
    {
        lock (_sync)
        {
            if (_store is null)
            {
                _store = SqliteTelemetryStore.Open(Path, _storeOptions);
                _retentionTimer = new Timer(_ => ApplyRetention(), null, s_firstRetentionDelay, s_retentionInterval);
            }

            return _store;
        }
    }
}
