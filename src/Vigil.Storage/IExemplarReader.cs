using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Reads the exemplars stored with metric points: the spans behind a chart's values. A role of its own, beside
/// <see cref="ITelemetryReader"/> (as <see cref="ISpanCountReader"/> is), so a reader without them (the CLI's client of
/// a server) need not pretend.
/// </summary>
public interface IExemplarReader : IStore
{
    /// <summary>One metric's exemplars over a range, newest points first, at most the query's limit.</summary>
    /// <param name="query">The metric, range, service and limit.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The exemplars, and whether more were left out.</returns>
    /// <exception cref="ArgumentException">The query is not valid (<see cref="ExemplarQuery.Validate"/>).</exception>
    Task<ExemplarQueryResult> QueryExemplarsAsync(ExemplarQuery query, CancellationToken cancellationToken = default);
}
