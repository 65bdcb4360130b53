using Microsoft.Extensions.DependencyInjection;
using Vigil.Storage;

namespace Vigil.Alerting.Slos;

/// <summary>Where indicators read their events: metrics from the reader, span counts from the span counter.</summary>
/// <param name="Metrics">Reads metric series.</param>
/// <param name="Spans">Counts spans; null when the store cannot, and then a span indicator fails with a message saying so.</param>
public sealed record SloSources(ITelemetryReader Metrics, ISpanCountReader? Spans)
{
    /// <summary>The sources of one store that plays both roles, as the SQLite engine does.</summary>
    /// <param name="store">The store.</param>
    /// <returns>The sources.</returns>
    public static SloSources From(ITelemetryReader store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new SloSources(store, store as ISpanCountReader);
    }

    /// <summary>
    /// The sources a host registered: its <see cref="ITelemetryReader"/>, and its <see cref="ISpanCountReader"/> when it has
    /// one. Alerting and the MCP server both evaluate SLOs over a host's store, and read it through this one rule.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <returns>The sources.</returns>
    public static SloSources From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new SloSources(services.GetRequiredService<ITelemetryReader>(), services.GetService<ISpanCountReader>());
    }

    internal ISpanCountReader RequireSpans() =>
        Spans ?? throw new InvalidOperationException($"The store at {Metrics.Location} cannot count spans; a span indicator needs a store file or a server's own store.");
}
