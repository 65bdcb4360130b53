namespace Vigil.Api.Contracts.V1;

/// <summary>An error group, as <c>GET /api/errors</c> lists it and the status change answers.</summary>
public sealed record ApiErrorGroup
{
    /// <summary>The group's id.</summary>
    public long Id { get; init; }

    /// <summary>The fingerprint.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>The grouping rules' version.</summary>
    public int GroupingVersion { get; init; }

    /// <summary>How the fingerprint was decided.</summary>
    public ApiFingerprintMethod Method { get; init; }

    /// <summary>The exception type.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>A representative message.</summary>
    public string? Message { get; init; }

    /// <summary>The frame blamed.</summary>
    public string? Culprit { get; init; }

    /// <summary>A representative stack trace.</summary>
    public string? StackTrace { get; init; }

    /// <summary>The first event's time.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>The latest event's time.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>How many events.</summary>
    public long Count { get; init; }

    /// <summary>The services it was seen in.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The releases it was seen in.</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    /// <summary>The current severity (raised while the group spikes).</summary>
    public ApiErrorSeverity Severity { get; init; }

    /// <summary>The severity before any raise.</summary>
    public ApiErrorSeverity BaseSeverity { get; init; }

    /// <summary>Whether the severity is raised.</summary>
    public bool SeverityRaised { get; init; }

    /// <summary>The triage status.</summary>
    public ApiErrorGroupStatus Status { get; init; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? StatusChanged { get; init; }

    /// <summary>Whether it came back after being resolved.</summary>
    public bool IsRegression { get; init; }

    /// <summary>Resolved in the next release.</summary>
    public bool ResolvedInNextRelease { get; init; }

    /// <summary>Ignored until this time.</summary>
    public DateTimeOffset? IgnoredUntil { get; init; }

    /// <summary>Ignored until this count.</summary>
    public long? IgnoredUntilCount { get; init; }
}
