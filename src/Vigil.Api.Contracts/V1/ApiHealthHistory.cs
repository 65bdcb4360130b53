namespace Vigil.Api.Contracts.V1;

/// <summary>One check's or probe's recent results (<c>GET /api/health/history</c>), newest first.</summary>
public sealed record ApiHealthHistory
{
    /// <summary>The check's or probe's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Check or probe.</summary>
    public ApiHealthSourceKind Kind { get; init; }

    /// <summary>The reporting service.</summary>
    public string? ServiceName { get; init; }

    /// <summary>Its results in the range, newest first, at most the request's <c>limit</c>.</summary>
    public IReadOnlyList<ApiHealthHistoryEntry> Results { get; init; } = [];
}
