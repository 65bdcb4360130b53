using Vigil.Model;

namespace Vigil.Storage.PostgreSql;

/// <summary>Span counts for SLOs (ISpanCountReader). Not written yet (pg-triage): each member throws <see cref="NotImplementedException"/>.</summary>
internal sealed partial class PostgreSqlStore
{
    public Task<SpanCounts> CountSpansAsync(SpanCountQuery query, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
