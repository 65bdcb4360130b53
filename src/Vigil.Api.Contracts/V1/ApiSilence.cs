namespace Vigil.Api.Contracts.V1;

/// <summary>A window in which matching alerts are not notified.</summary>
public sealed record ApiSilence
{
    /// <summary>The silence's id (what <c>vigil alerts expire ID</c> takes).</summary>
    public long Id { get; init; }

    /// <summary>The label matchers, each as it parses back (<c>service="shop"</c>); all must hold.</summary>
    public IReadOnlyList<string> Matchers { get; init; } = [];

    /// <summary>When it starts.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>When it ends.</summary>
    public DateTimeOffset EndsAt { get; init; }

    /// <summary>Who created it.</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>Why.</summary>
    public string Comment { get; init; } = string.Empty;

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its state when the answer was made.</summary>
    public ApiSilenceState State { get; init; }
}
