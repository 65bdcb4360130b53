namespace Vigil.Api.Contracts.V1;

/// <summary><c>GET /api/v1/push/positions?source=</c>: how far each of a pushing store's streams is stored here.</summary>
public sealed record ApiPushPositions
{
    /// <summary>The pushing store's identity, as asked.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Each stream's position (the source sequence of its last stored record); a stream never pushed is absent.</summary>
    public IReadOnlyDictionary<string, long> Positions { get; init; } = new Dictionary<string, long>();
}
