using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Counts spans without reading them: what an SLO over a service's server spans asks every evaluation, and what the
/// dashboard's overview shows per service. A role of its
/// own, beside <see cref="ITelemetryReader"/>, so a reader that cannot count (a server's query API) need not pretend.
/// </summary>
public interface ISpanCountReader : IStore
{
    /// <summary>Counts one service's spans of one kind in a range: all of them, the failed ones, the slow ones.</summary>
    /// <param name="query">The service, kind, range and slowness threshold.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The counts; zeros when nothing matched.</returns>
    /// <exception cref="ArgumentException">The service is blank, or the range ends before it starts.</exception>
    Task<SpanCounts> CountSpansAsync(SpanCountQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every service's spans of one kind in a range: count, failed count and p95 duration, one aggregate over the
    /// range (the dashboard's overview, <c>GET /api/overview</c>).
    /// </summary>
    /// <param name="query">The kind and range.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One summary per service with a matching span, by service name (ordinal); empty when nothing matched.</returns>
    /// <exception cref="ArgumentException">The range ends before it starts.</exception>
    Task<IReadOnlyList<ServiceSpanSummary>> SummarizeSpansAsync(SpanSummaryQuery query, CancellationToken cancellationToken = default);
}
