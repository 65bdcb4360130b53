namespace Vigil.Model;

/// <summary>
/// Exception events that share a fingerprint (see <c>ExceptionFingerprinter</c>): one bug, one group.
/// </summary>
public sealed record ErrorGroup
{
    /// <summary>The store's id for the group, shown and typed by users (<c>vigil errors show 12</c>).</summary>
    public long Id { get; init; }

    /// <summary>The fingerprint that every event of the group shares.</summary>
    public string Fingerprint { get; init; } = string.Empty;

    /// <summary>
    /// The version of the grouping algorithm that computed <see cref="Fingerprint"/>
    /// (<c>ExceptionFingerprinter.Version</c>); a change of normalisation starts new groups.
    /// </summary>
    public int GroupingVersion { get; init; }

    /// <summary>How the fingerprint was decided.</summary>
    public FingerprintMethod Method { get; init; }

    /// <summary>The exception type of the first event.</summary>
    public string Type { get; init; } = string.Empty;

    /// <summary>A representative message: the first event's.</summary>
    public string? Message { get; init; }

    /// <summary>The top application frame of the root cause (<c>Namespace.Type.Function</c>), when known.</summary>
    public string? Culprit { get; init; }

    /// <summary>The stack trace text of the first event; null in lists (<c>QueryErrorGroupsAsync</c>), which carry summaries.</summary>
    public string? StackTrace { get; init; }

    /// <summary>When the first event happened.</summary>
    public DateTimeOffset FirstSeen { get; init; }

    /// <summary>When the latest event happened.</summary>
    public DateTimeOffset LastSeen { get; init; }

    /// <summary>How many events the group has had (retention does not lower it).</summary>
    public long Count { get; init; }

    /// <summary>Every <c>service.name</c> that reported the group, ordered by name.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Every release (<c>service.version</c>) that reported the group, in the order first seen.</summary>
    public IReadOnlyList<string> Releases { get; init; } = [];

    /// <summary>
    /// The severity now: <see cref="BaseSeverity"/>, raised one step while the group's rate spikes
    /// (<see cref="SeverityRaised"/>).
    /// </summary>
    public ErrorSeverity Severity { get; init; }

    /// <summary>The severity the rules gave the group's newest event (see <c>SeverityRule</c>).</summary>
    public ErrorSeverity BaseSeverity { get; init; }

    /// <summary>True while the rate of the last hour spikes above the group's usual rate.</summary>
    public bool SeverityRaised { get; init; }

    /// <summary>The triage status.</summary>
    public ErrorGroupStatus Status { get; init; }

    /// <summary>When <see cref="Status"/> last changed, by a user or by a new event.</summary>
    public DateTimeOffset? StatusChanged { get; init; }

    /// <summary>True when a resolved group received a new event and was reopened; cleared by a user's status change.</summary>
    public bool IsRegression { get; init; }

    /// <summary>
    /// For a resolved group: true when it was resolved "in the next release", so events from the releases
    /// already seen at that time do not reopen it; only an event from a release not seen before does.
    /// </summary>
    public bool ResolvedInNextRelease { get; init; }

    /// <summary>For an ignored group: the time after which a new event makes it unresolved again.</summary>
    public DateTimeOffset? IgnoredUntil { get; init; }

    /// <summary>For an ignored group: the <see cref="Count"/> at which it becomes unresolved again.</summary>
    public long? IgnoredUntilCount { get; init; }
}
