namespace Vigil.Storage;

/// <summary>
/// How much room the store takes: what the server's disk guard checks the free-space floor with, and what
/// <c>vigil status</c> and <c>/metrics</c> show. A role of its own (like <see cref="ISpanCountReader"/>), so that a
/// store that cannot measure itself need not pretend.
/// </summary>
public interface IStoreUsageReader : IStore
{
    /// <summary>
    /// The store's bytes on disk, in use and reusable. Cheap (no scan of the data): the disk guard reads it about once
    /// a second.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The figures now.</returns>
    Task<StoreSpace> ReadSpaceAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// What each signal holds (log records, spans, metric points, error events, health results): its records, those
    /// since <paramref name="since"/> (for a growth rate), and its bytes. Reads every record's size, so it costs a scan;
    /// <c>vigil status</c> calls it once.
    /// </summary>
    /// <param name="since">Records at or after this time are counted in <see cref="SignalUsage.RecordsSince"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per signal, in the order of <see cref="SignalUsage.Signals"/>.</returns>
    Task<IReadOnlyList<SignalUsage>> ReadSignalUsageAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
