namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The body of <c>POST /api/silences</c>: matchers, a start (now when left out), and either an end or a duration.
/// </summary>
public sealed record ApiSilenceRequest
{
    /// <summary>Label matchers in the one grammar (<c>service=shop</c>, <c>env=~"prod|stage"</c>); at least one.</summary>
    public IReadOnlyList<string> Matchers { get; init; } = [];

    /// <summary>When it starts; null for now.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>When it ends; give this or <see cref="Duration"/>.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>How long it lasts from its start (<c>2h</c>, <c>30m</c>); give this or <see cref="EndsAt"/>.</summary>
    public string? Duration { get; init; }

    /// <summary>Who creates it (required).</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>Why (required).</summary>
    public string Comment { get; init; } = string.Empty;
}
