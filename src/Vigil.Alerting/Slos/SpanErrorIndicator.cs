using Vigil.Model;

namespace Vigil.Alerting.Slos;

/// <summary>With no metrics at all: a service's server spans, good when their status is not error.</summary>
/// <param name="Service">The <c>service.name</c>.</param>
internal sealed record SpanErrorIndicator(string Service) : ISloIndicator
{
    public string Description => $"server spans of {Service} without error status";

    public async Task<SloEvents> CountAsync(SloSources sources, DateTimeOffset windowStart, DateTimeOffset windowEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var counts = await sources.RequireSpans().CountSpansAsync(new SpanCountQuery { ServiceName = Service, From = windowStart, To = windowEnd }, cancellationToken).ConfigureAwait(false);
        return new SloEvents(counts.Total - counts.Errors, counts.Total);
    }
}
