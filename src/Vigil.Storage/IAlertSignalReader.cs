using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// What alert conditions ask of the store beside <see cref="ITelemetryReader"/>: how many log records match over a
/// window, and when a service or a metric last sent anything. Both are answered without materialising every record
/// where the engine can avoid it (the SQLite engine counts a log block from its summary row when the filters allow).
/// </summary>
public interface IAlertSignalReader : IStore
{
    /// <summary>
    /// Counts the log records <paramref name="query"/> matches, every one of them, by <c>service.name</c>:
    /// <see cref="LogQuery.Limit"/> is ignored. <see cref="LogQuery.From"/> and <see cref="LogQuery.To"/> bound the
    /// window as for a query.
    /// </summary>
    /// <param name="query">The filters (service, minimum severity, text, trace, attributes, window).</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The count of each service with at least one match (records without a service under ""), by name.</returns>
    /// <exception cref="QueryRefusedException">The text has no word the index could serve.</exception>
    Task<IReadOnlyDictionary<string, long>> CountLogsByServiceAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>The time of the latest data of a service or a metric at or after <see cref="LastSeenQuery.Since"/>.</summary>
    /// <param name="query">Whose data, and how far back to look.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The latest log, span or point time; null when nothing arrived since <see cref="LastSeenQuery.Since"/>.</returns>
    /// <exception cref="ArgumentException">Neither a service nor a metric is named.</exception>
    Task<DateTimeOffset?> GetLastSeenAsync(LastSeenQuery query, CancellationToken cancellationToken = default);
}
