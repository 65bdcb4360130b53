using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// Adds each exception occurrence to its group (see <c>docs/errors.md</c>): one exception object reported twice is
/// counted once, a log record and a span event reporting one occurrence are paired, a second report's fingerprint
/// becomes an alias of the first's group, and the group's life cycle moves with each event.
/// </summary>
internal sealed class ErrorGrouper(IErrorGroupPersistence store, DateTimeOffset now)
{
    /// <summary>How far apart in time a log record and a span event reporting one occurrence may be.</summary>
    internal static readonly TimeSpan PairWindow = TimeSpan.FromSeconds(1);

    public void Add(ErrorOccurrence occurrence)
    {
        var time = occurrence.Timestamp;
        if (occurrence.ExceptionId is not null
            && store.FindGroupIdByExceptionId(occurrence.ExceptionId, time - ExceptionIdentity.Window, time + ExceptionIdentity.Window) is { } reported)
        {
            // Another report of this very exception object is stored and counted. Only within the window: an
            // object cached and thrown again later (a preallocated OutOfMemoryException) is a new occurrence.
            Alias(occurrence, reported);
            return;
        }

        if (occurrence.TraceId is not null && occurrence.SpanId is not null && FindPair(occurrence) is { } pair)
        {
            // The other report of this same occurrence is already stored and counted.
            store.MarkPaired(pair.Id);
            Alias(occurrence, pair.GroupId);
            return;
        }

        var group = FindAliasedGroup(occurrence) ?? FindOrInsertGroup(occurrence);
        store.InsertEvent(new ErrorEventRecord
        {
            GroupId = group.Id,
            Timestamp = time,
            Source = occurrence.Source,
            TraceId = occurrence.TraceId,
            SpanId = occurrence.SpanId,
            ServiceName = occurrence.ServiceName,
            Release = occurrence.Release,
            Type = occurrence.Type,
            Message = occurrence.Message,
            StackTrace = occurrence.StackTrace,
            ExceptionId = occurrence.ExceptionId,
        });

        if (occurrence.ServiceName is not null)
        {
            store.AddService(group.Id, occurrence.ServiceName);
        }

        var newRelease = occurrence.Release is not null && store.AddRelease(group.Id, occurrence.Release);
        var counted = group with
        {
            Count = group.Count + 1,
            FirstSeen = time < group.FirstSeen ? time : group.FirstSeen,
            LastSeen = time > group.LastSeen ? time : group.LastSeen,
            // The severity is the newest event's, so a changed rule applies from the next event; a late event keeps it.
            BaseSeverity = time >= group.LastSeen ? occurrence.Severity : group.BaseSeverity,
        };
        store.UpdateGroup(ErrorLifecycle.OnEvent(counted, time, newRelease, now));
        store.CountHour(group.Id, ErrorHour.Start(time));
    }

    /// <summary>
    /// The other report of one occurrence: same span, other source, same type and message, within
    /// <see cref="PairWindow"/>, the nearest in time. Not matched by group, because the two reports' stack texts may
    /// differ. Two reports that both carry an exception id were matched (or not) by id already.
    /// </summary>
    private UnpairedErrorEvent? FindPair(ErrorOccurrence occurrence)
    {
        var time = occurrence.Timestamp;
        UnpairedErrorEvent? best = null;
        foreach (var candidate in store.FindUnpairedEvents(occurrence.TraceId!, occurrence.SpanId!, time - PairWindow, time + PairWindow))
        {
            if (candidate.Source == occurrence.Source
                || (candidate.HasExceptionId && occurrence.ExceptionId is not null)
                || !string.Equals(candidate.Type, occurrence.Type, StringComparison.Ordinal)
                || !string.Equals(candidate.Message ?? string.Empty, occurrence.Message ?? string.Empty, StringComparison.Ordinal))
            {
                continue;
            }

            if (best is null || IsNearer(candidate, best, time))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Nearer in time wins; on a tie the one stored first, so the choice does not depend on the engine's order.</summary>
    private static bool IsNearer(UnpairedErrorEvent candidate, UnpairedErrorEvent best, DateTimeOffset time)
    {
        var distance = (candidate.Timestamp - time).Duration();
        var bestDistance = (best.Timestamp - time).Duration();
        return distance < bestDistance || (distance == bestDistance && candidate.Id < best.Id);
    }

    /// <summary>
    /// A second report of a counted occurrence may carry another stack text (rendered after the exception unwound
    /// further, or logged again by an outer catch), so its fingerprint becomes an alias of the first report's group,
    /// unless the fingerprint has a group of its own or already an alias (the first one stays).
    /// </summary>
    private void Alias(ErrorOccurrence occurrence, long groupId)
    {
        var fingerprint = occurrence.Fingerprint.Value;
        if (store.FindGroupByFingerprint(fingerprint, ExceptionFingerprinter.Version) is null
            && store.FindAlias(fingerprint, ExceptionFingerprinter.Version) is null)
        {
            store.InsertAlias(fingerprint, ExceptionFingerprinter.Version, groupId);
        }
    }

    /// <summary>The group this fingerprint was paired into as an alias; null when none.</summary>
    private ErrorGroup? FindAliasedGroup(ErrorOccurrence occurrence) =>
        store.FindAlias(occurrence.Fingerprint.Value, ExceptionFingerprinter.Version) is { } id ? store.FindGroup(id) : null;

    /// <summary>The group as it was before this event; a new group starts at count 0 and is counted like any other.</summary>
    private ErrorGroup FindOrInsertGroup(ErrorOccurrence occurrence)
    {
        var fingerprint = occurrence.Fingerprint;
        if (store.FindGroupByFingerprint(fingerprint.Value, ExceptionFingerprinter.Version) is { } found)
        {
            return found;
        }

        var group = new ErrorGroup
        {
            Fingerprint = fingerprint.Value,
            GroupingVersion = ExceptionFingerprinter.Version,
            Method = fingerprint.Method,
            Type = occurrence.Type,
            Message = occurrence.Message,
            Culprit = fingerprint.Culprit,
            StackTrace = occurrence.StackTrace,
            FirstSeen = occurrence.Timestamp,
            LastSeen = occurrence.Timestamp,
            Count = 0,
            BaseSeverity = occurrence.Severity,
            Severity = occurrence.Severity,
            Status = ErrorGroupStatus.Unresolved,
        };
        return group with { Id = store.InsertGroup(group) };
    }
}
