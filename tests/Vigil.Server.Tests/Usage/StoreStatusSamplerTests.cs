using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Tests.Support;
using Vigil.Server.Usage;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Usage;

/// <summary>
/// <see cref="StoreStatusSampler"/> over a real store file, on a clock the test moves: a measurement younger than
/// <see cref="StoreStatusSampler.MaxAge"/> is answered again without a scan, an older one is replaced, concurrent
/// requests share one scan, and a refresh always measures. Scans are counted at the store.
/// </summary>
public sealed class StoreStatusSamplerTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero));
    private ITelemetryStore? _store;
    private CountingUsage? _usage;
    private StoreStatusSampler? _sampler;

    public Task InitializeAsync()
    {
        _store = SqliteTelemetryStore.Open(_directory.Combine("vigil.db"), TelemetryStoreOptions.Writer);
        _usage = new CountingUsage((IStoreUsageReader)_store);
        var settings = new StoreStatusSettings(null, new Vigil.Server.Disk.DiskGuardOptions(), null, TimeSpan.FromMinutes(10));
        _sampler = new StoreStatusSampler(_usage, _store, new SettableDiskSpace(50L << 20, 100L << 20), settings, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_usage is not null)
        {
            await _usage.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    // After DisposeAsync (xUnit's order): the store is closed before its folder goes.
    public void Dispose()
    {
        _sampler?.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task ReadAsync_YoungerThanMaxAge_AnswersTheLastMeasurementWithoutAScan()
    {
        var first = await _sampler!.ReadAsync(CancellationToken.None).DefaultTimeout();
        _clock.Advance(StoreStatusSampler.MaxAge - TimeSpan.FromMilliseconds(1));

        var again = await _sampler.ReadAsync(CancellationToken.None).DefaultTimeout();

        Assert.Same(first, again);
        Assert.Equal(1, _usage!.Scans);
    }

    [Fact]
    public async Task ReadAsync_MaxAgeOld_MeasuresAgain()
    {
        var first = await _sampler!.ReadAsync(CancellationToken.None).DefaultTimeout();
        _clock.Advance(StoreStatusSampler.MaxAge);

        var second = await _sampler.ReadAsync(CancellationToken.None).DefaultTimeout();

        Assert.NotSame(first, second);
        Assert.Equal(first.At + StoreStatusSampler.MaxAge, second.At);
        Assert.Equal(2, _usage!.Scans);
        Assert.Same(second, _sampler.Latest);
    }

    [Fact]
    public async Task ReadAsync_ManyAtOnce_ShareOneScan()
    {
        // Arrange: the first scan waits until the others are queued behind it.
        var release = _usage!.HoldScans();

        // Act
        var reads = Enumerable.Range(0, 4).Select(_ => _sampler!.ReadAsync(CancellationToken.None)).ToArray();
        await Eventually.TrueAsync(() => _usage.Scans == 1, "the first scan starts");
        release.SetResult();
        var statuses = await Task.WhenAll(reads).DefaultTimeout();

        // Assert
        Assert.All(statuses, s => Assert.Same(statuses[0], s));
        Assert.Equal(1, _usage.Scans);
    }

    [Fact]
    public async Task RefreshAsync_AlwaysMeasures()
    {
        var first = await _sampler!.ReadAsync(CancellationToken.None).DefaultTimeout();

        var refreshed = await _sampler.RefreshAsync(CancellationToken.None).DefaultTimeout();

        Assert.NotSame(first, refreshed);
        Assert.Equal(2, _usage!.Scans);
    }

    /// <summary>Counts the per-signal scans of the store it wraps, and can hold them until the test releases them.</summary>
    private sealed class CountingUsage(IStoreUsageReader inner) : IStoreUsageReader
    {
        private int _scans;
        private TaskCompletionSource? _hold;

        public int Scans => Volatile.Read(ref _scans);

        public string Location => inner.Location;

        public TaskCompletionSource HoldScans() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<StoreSpace> ReadSpaceAsync(CancellationToken cancellationToken = default) => inner.ReadSpaceAsync(cancellationToken);

        public async Task<IReadOnlyList<SignalUsage>> ReadSignalUsageAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _scans);
            if (_hold is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return await inner.ReadSignalUsageAsync(since, cancellationToken).ConfigureAwait(false);
        }

        // The wrapped store is the test's to dispose.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
