namespace Vigil.Storage;

/// <summary>How a store is opened.</summary>
public sealed record TelemetryStoreOptions
{
    /// <summary>The default for <see cref="BusyTimeout"/>.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default for <see cref="QueryTimeout"/>: shorter than the CLI's 30 s wait for a server, so it hears why.</summary>
    public static readonly TimeSpan DefaultQueryTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// True (writers: the SDK sink, the server) creates the file and its folder on first use.
    /// False (readers: the CLI) throws <see cref="StoreNotFoundException"/> when the file is missing.
    /// </summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// True (readers: <c>vigil logs</c>, <c>traces</c>, <c>metrics</c>, <c>errors</c>, <c>health</c>) opens the file
    /// read-only and changes nothing in it: it must already be a Vigil store at this version's schema, and
    /// <see cref="CreateIfMissing"/> is ignored. False (writers) may create the store and upgrade its schema;
    /// neither ever writes to a file that is not a Vigil store.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>
    /// How long an operation waits for another process's write lock before it fails.
    /// </summary>
    public TimeSpan BusyTimeout { get; init; } = DefaultBusyTimeout;

    /// <summary>
    /// How long one read may run: past it SQLite is interrupted and the read throws
    /// <see cref="StoreQueryTimeoutException"/>. <see cref="Timeout.InfiniteTimeSpan"/> lets reads run until cancelled.
    /// </summary>
    public TimeSpan QueryTimeout { get; init; } = DefaultQueryTimeout;

    /// <summary>How exceptions in written telemetry are grouped into error groups.</summary>
    public ErrorTrackingOptions ErrorTracking { get; init; } = ErrorTrackingOptions.Default;

    /// <summary>
    /// The clock that says what "now" is for hourly error windows, rate spikes, ignore limits and retention ages;
    /// the system clock unless a test supplies its own.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Options for a writer: create the store when it is missing.</summary>
    public static TelemetryStoreOptions Writer { get; } = new();

    /// <summary>Options for a reader: the store must exist, and it is opened read-only.</summary>
    public static TelemetryStoreOptions Reader { get; } = new() { CreateIfMissing = false, ReadOnly = true };
}
