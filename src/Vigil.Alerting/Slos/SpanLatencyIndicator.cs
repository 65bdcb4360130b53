using Vigil.Model;
using Vigil.Model.Text;

namespace Vigil.Alerting.Slos;

/// <summary>With no metrics at all: a service's server spans, good when they lasted no longer than a threshold.</summary>
/// <param name="Service">The <c>service.name</c>.</param>
/// <param name="Threshold">The longest good duration.</param>
internal sealed record SpanLatencyIndicator(string Service, TimeSpan Threshold) : ISloIndicator
{
    public string Description => $"server spans of {Service} no slower than {DurationGrammar.Format(Threshold)}";

    public async Task<SloEvents> CountAsync(SloSources sources, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var query = new SpanCountQuery { ServiceName = Service, From = windowStart, To = windowEnd, SlowerThan = Threshold };
        var counts = await sources.RequireSpans().CountSpansAsync(query, cancellationToken).ConfigureAwait(false);
        return new SloEvents(counts.Total - counts.Slower, counts.Total);
    }
}
