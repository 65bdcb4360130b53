using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The sending side of <c>vigil push</c>: a store read in its own arrival order, each record with its sequence, so a
/// push can say exactly where a batch ends (<see cref="PushMark"/>). Log records come through
/// <see cref="ITelemetryReader.QueryLogsAsync"/> with <see cref="LogQuery.AfterSequence"/>; spans and metric points here.
/// </summary>
public interface IPushSource : IStore
{
    /// <summary>The store's own identity, made once when the store was created or upgraded; never changes.</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The identity (32 hex characters).</returns>
    Task<string> GetStoreIdentityAsync(CancellationToken cancellationToken = default);

    /// <summary>The oldest <paramref name="limit"/> spans whose sequence is greater than <paramref name="after"/>, in sequence order.</summary>
    /// <param name="after">The sequence to start after.</param>
    /// <param name="limit">The most spans to return.</param>
    /// <param name="serviceName">Only spans of this service; null for every service.</param>
    /// <param name="from">Only spans that started at or after this; null for any time.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The spans with their sequences.</returns>
    Task<IReadOnlyList<Sequenced<SpanEntry>>> ReadSpansAfterAsync(long after, int limit, string? serviceName, DateTimeOffset? from, CancellationToken cancellationToken = default);

    /// <summary>The oldest <paramref name="limit"/> metric points whose sequence is greater than <paramref name="after"/>, in sequence order.</summary>
    /// <param name="after">The sequence to start after.</param>
    /// <param name="limit">The most points to return.</param>
    /// <param name="serviceName">Only points of series of this service; null for every service.</param>
    /// <param name="from">Only points at or after this time; null for any time.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The points with their sequences.</returns>
    Task<IReadOnlyList<Sequenced<MetricPoint>>> ReadMetricPointsAfterAsync(long after, int limit, string? serviceName, DateTimeOffset? from, CancellationToken cancellationToken = default);

    /// <summary>How many records of a signal have a sequence greater than <paramref name="after"/> (for progress; logs are counted by whole blocks, so a little over).</summary>
    /// <param name="signal">logs, spans or metric points.</param>
    /// <param name="after">The sequence to count after.</param>
    /// <param name="serviceName">Only records of this service; null for every service.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The count.</returns>
    Task<long> CountAfterAsync(PushSignal signal, long after, string? serviceName, CancellationToken cancellationToken = default);
}
