namespace Vigil.Model;

/// <summary>A user's triage decision on an error group (<c>vigil errors resolve|ignore|reopen</c>).</summary>
public sealed record ErrorStatusChange
{
    /// <summary>The new status.</summary>
    public ErrorGroupStatus Status { get; init; }

    /// <summary>With <see cref="ErrorGroupStatus.Resolved"/>: resolved in the next release (see <see cref="ErrorGroup.ResolvedInNextRelease"/>).</summary>
    public bool InNextRelease { get; init; }

    /// <summary>With <see cref="ErrorGroupStatus.Ignored"/>: ignore until this many more events arrive.</summary>
    public long? IgnoreForEvents { get; init; }

    /// <summary>With <see cref="ErrorGroupStatus.Ignored"/>: ignore until this time.</summary>
    public DateTimeOffset? IgnoreUntil { get; init; }

    /// <summary>Why this change cannot apply (an option that does not fit the status); null when it is valid.</summary>
    public string? Problem() =>
        InNextRelease && Status != ErrorGroupStatus.Resolved ? "'in the next release' only applies to resolve."
        : (IgnoreForEvents is not null || IgnoreUntil is not null) && Status != ErrorGroupStatus.Ignored ? "An ignore limit only applies to ignore."
        : IgnoreForEvents is <= 0 ? "An ignore limit by events must be a positive number."
        : null;
}
