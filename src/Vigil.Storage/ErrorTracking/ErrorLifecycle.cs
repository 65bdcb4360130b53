using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// The status life cycle of an error group (see <c>docs/errors.md</c>): what a new event does to it and what a user's
/// triage decision does. Engine-independent: <see cref="TelemetryWritePipeline"/> applies events, and an engine
/// applies a triage change with <see cref="OnChange"/> and stores the result.
/// </summary>
public static class ErrorLifecycle
{
    /// <summary>The group after one more event.</summary>
    /// <param name="group">The group with <see cref="ErrorGroup.Count"/> already counting the event.</param>
    /// <param name="timestamp">When the event happened.</param>
    /// <param name="newRelease">True when the event names a release the group had not seen before.</param>
    /// <param name="now">The time to record as the status change.</param>
    public static ErrorGroup OnEvent(ErrorGroup group, DateTimeOffset timestamp, bool newRelease, DateTimeOffset now)
    {
        switch (group.Status)
        {
            case ErrorGroupStatus.Resolved:
                // An event that happened before the resolve (a late export, a backlog drained after an outage) was
                // part of what the user resolved: it is counted, but it proves nothing about the fix.
                if (group.StatusChanged is { } resolvedAt && timestamp <= resolvedAt)
                {
                    return group;
                }

                // Resolved "in the next release": the releases seen at resolve time still carry the bug (the fix is
                // not deployed there); only a release not seen before proves the fix did not work.
                if (group.ResolvedInNextRelease && !newRelease)
                {
                    return group;
                }

                return Reopen(group, now) with { IsRegression = true };

            case ErrorGroupStatus.Ignored:
                var untilTime = group.IgnoredUntil is { } until && timestamp > until;
                var untilCount = group.IgnoredUntilCount is { } count && group.Count >= count;
                return untilTime || untilCount ? Reopen(group, now) : group;

            default:
                return group;
        }
    }

    /// <summary>The group after a user's triage decision.</summary>
    /// <exception cref="ChangeRefusedException"><paramref name="change"/> is not valid.</exception>
    public static ErrorGroup OnChange(ErrorGroup group, ErrorStatusChange change, DateTimeOffset now)
    {
        Validate(change);
        return group with
        {
            Status = change.Status,
            StatusChanged = now,
            IsRegression = false,
            ResolvedInNextRelease = change.Status == ErrorGroupStatus.Resolved && change.InNextRelease,
            IgnoredUntil = change.Status == ErrorGroupStatus.Ignored ? change.IgnoreUntil : null,
            // Saturating: a hostile "ignore for long.MaxValue events" means for ever, not an overflow.
            IgnoredUntilCount = change.Status == ErrorGroupStatus.Ignored && change.IgnoreForEvents is { } events
                ? (events > long.MaxValue - group.Count ? long.MaxValue : group.Count + events)
                : null,
        };
    }

    /// <summary>Throws when a user's change cannot apply.</summary>
    /// <exception cref="ChangeRefusedException"><paramref name="change"/> is not valid.</exception>
    public static void Validate(ErrorStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Problem() is { } problem)
        {
            throw new ChangeRefusedException(problem);
        }

        if (!Enum.IsDefined(change.Status))
        {
            throw new ChangeRefusedException($"Unknown status {(int)change.Status}.");
        }
    }

    private static ErrorGroup Reopen(ErrorGroup group, DateTimeOffset now) => group with
    {
        Status = ErrorGroupStatus.Unresolved,
        StatusChanged = now,
        ResolvedInNextRelease = false,
        IgnoredUntil = null,
        IgnoredUntilCount = null,
    };
}
