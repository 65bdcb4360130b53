namespace Vigil.Api.Contracts.V1;

/// <summary>The events of one of a burn-rate alert's windows, ending when the SLO was evaluated.</summary>
public sealed record ApiSloWindow
{
    /// <summary>How far back the window reaches.</summary>
    public TimeSpan Length { get; init; }

    /// <summary>The good events in the window.</summary>
    public double Good { get; init; }

    /// <summary>All events in the window.</summary>
    public double Total { get; init; }

    /// <summary>The burn rate over the window; null with no events.</summary>
    public double? BurnRate { get; init; }
}
