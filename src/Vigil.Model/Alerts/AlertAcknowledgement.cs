namespace Vigil.Model;

/// <summary>Someone has seen a firing alert and is on it: escalation stops until the acknowledgement times out.</summary>
public sealed record AlertAcknowledgement
{
    /// <summary>Who acknowledged (a user name, or "link" for a signed link from a notification).</summary>
    public string By { get; init; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>What they said, if anything.</summary>
    public string? Comment { get; init; }
}
