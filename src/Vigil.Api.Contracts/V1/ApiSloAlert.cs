namespace Vigil.Api.Contracts.V1;

/// <summary>One multiwindow burn-rate alert of an SLO: active while both windows burn faster than <see cref="Factor"/>.</summary>
public sealed record ApiSloAlert
{
    /// <summary>The alert's severity (<c>page</c> or <c>ticket</c> by default).</summary>
    public string Severity { get; init; } = string.Empty;

    /// <summary>The burn rate both windows must exceed.</summary>
    public double Factor { get; init; }

    /// <summary>The long window, which makes the alert significant.</summary>
    public ApiSloWindow LongWindow { get; init; } = new();

    /// <summary>The short window, which makes the alert stop soon after the burn does.</summary>
    public ApiSloWindow ShortWindow { get; init; } = new();

    /// <summary>True when both windows burn faster than the factor now.</summary>
    public bool Active { get; init; }
}
