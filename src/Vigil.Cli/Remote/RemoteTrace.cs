using Vigil.Model;

namespace Vigil.Cli.Remote;

/// <summary>The answer to <c>GET /api/traces/{traceId}</c>; its logs are read through <c>/api/logs</c> like a local store's.</summary>
internal sealed record RemoteTrace
{
    public IReadOnlyList<SpanEntry> Spans { get; init; } = [];
}
