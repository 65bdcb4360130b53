namespace Vigil.Api.Contracts.V1;

/// <summary>Someone is on a firing alert: who, when, and what they said.</summary>
public sealed record ApiAlertAcknowledgement
{
    /// <summary>Who acknowledged.</summary>
    public string By { get; init; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Their comment, if any.</summary>
    public string? Comment { get; init; }
}
