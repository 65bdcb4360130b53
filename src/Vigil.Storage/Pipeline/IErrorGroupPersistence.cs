using Vigil.Model;

namespace Vigil.Storage;

/// <summary>
/// What an engine stores error groups with: plain reads and writes, every one inside the batch's transaction.
/// <see cref="TelemetryWritePipeline"/> makes every decision (which group, pairing, aliases, life cycle, severity,
/// first and last seen); an implementation keeps no rules of its own, so every engine groups alike.
/// </summary>
public interface IErrorGroupPersistence
{
    /// <summary>The group of any stored event with this exception id whose time lies in [earliest, latest]; null when none.</summary>
    long? FindGroupIdByExceptionId(string exceptionId, DateTimeOffset earliest, DateTimeOffset latest);

    /// <summary>The stored events of this span not yet marked paired whose time lies in [earliest, latest], in any order.</summary>
    IReadOnlyList<UnpairedErrorEvent> FindUnpairedEvents(string traceId, string spanId, DateTimeOffset earliest, DateTimeOffset latest);

    /// <summary>Marks the event as paired with another report of the same occurrence.</summary>
    void MarkPaired(long eventId);

    /// <summary>The group an alias with this fingerprint points to; null when there is no such alias.</summary>
    long? FindAlias(string fingerprint, int groupingVersion);

    /// <summary>Stores an alias the caller has made sure does not exist yet.</summary>
    void InsertAlias(string fingerprint, int groupingVersion, long groupId);

    /// <summary>
    /// The group with this id, or null. The returned group needs <see cref="ErrorGroup.Id"/>, <see cref="ErrorGroup.Count"/>,
    /// <see cref="ErrorGroup.FirstSeen"/>, <see cref="ErrorGroup.LastSeen"/>, <see cref="ErrorGroup.BaseSeverity"/> and the
    /// life-cycle members (status and what it depends on); the rest may be left unset.
    /// </summary>
    ErrorGroup? FindGroup(long id);

    /// <summary>The group with this fingerprint, filled as <see cref="FindGroup"/> fills it, or null.</summary>
    ErrorGroup? FindGroupByFingerprint(string fingerprint, int groupingVersion);

    /// <summary>Stores a new group as given and returns its id.</summary>
    long InsertGroup(ErrorGroup group);

    /// <summary>
    /// Stores the group's count, first and last seen, base severity and life-cycle members as given, for the group
    /// with <see cref="ErrorGroup.Id"/>.
    /// </summary>
    void UpdateGroup(ErrorGroup group);

    /// <summary>Stores an event, not paired.</summary>
    void InsertEvent(ErrorEventRecord errorEvent);

    /// <summary>Adds the service to the group's set of services (nothing when already there).</summary>
    void AddService(long groupId, string serviceName);

    /// <summary>Adds the release to the group's releases; true when it was not there before.</summary>
    bool AddRelease(long groupId, string release);

    /// <summary>Adds one to the group's count for the hour starting at <paramref name="hour"/>.</summary>
    void CountHour(long groupId, DateTimeOffset hour);
}
