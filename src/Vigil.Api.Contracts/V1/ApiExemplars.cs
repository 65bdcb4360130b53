namespace Vigil.Api.Contracts.V1;

/// <summary>The answer of <c>GET /api/metric-exemplars</c>: one metric's exemplars over the range, newest points first.</summary>
public sealed record ApiExemplars
{
    /// <summary>The metric's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The exemplars, at most the request's <c>limit</c>.</summary>
    public IReadOnlyList<ApiExemplar> Items { get; init; } = [];

    /// <summary>True when the range held more than <c>limit</c>: the oldest were left out.</summary>
    public bool Truncated { get; init; }
}
