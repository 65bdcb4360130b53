namespace Vigil.Api.Contracts.V1;

/// <summary>The body of <c>POST /api/errors/{id}/status</c>: a triage decision.</summary>
public sealed record ApiErrorStatusChange
{
    /// <summary>The new status.</summary>
    public ApiErrorGroupStatus Status { get; init; }

    /// <summary>With resolved: resolved in the next release.</summary>
    public bool InNextRelease { get; init; }

    /// <summary>With ignored: until this many more events.</summary>
    public long? IgnoreForEvents { get; init; }

    /// <summary>With ignored: until this time.</summary>
    public DateTimeOffset? IgnoreUntil { get; init; }
}
