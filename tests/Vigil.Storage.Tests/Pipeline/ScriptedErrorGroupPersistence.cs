using Vigil.Model;

namespace Vigil.Storage.Tests.Pipeline;

/// <summary>
/// An <see cref="IErrorGroupPersistence"/> with no rules: it hands back the unpaired events it is given, in the order
/// given, and records what the pipeline asks it to store. For what a real engine cannot be made to vary.
/// </summary>
internal sealed class ScriptedErrorGroupPersistence(IReadOnlyList<UnpairedErrorEvent> unpaired) : IErrorGroupPersistence
{
    public List<long> Paired { get; } = [];

    public Dictionary<string, long> Aliases { get; } = [];

    public long? FindGroupIdByExceptionId(string exceptionId, DateTimeOffset earliest, DateTimeOffset latest) => null;

    public IReadOnlyList<UnpairedErrorEvent> FindUnpairedEvents(string traceId, string spanId, DateTimeOffset earliest, DateTimeOffset latest) =>
        [.. unpaired.Where(e => e.Timestamp >= earliest && e.Timestamp <= latest)];

    public void MarkPaired(long eventId) => Paired.Add(eventId);

    public long? FindAlias(string fingerprint, int groupingVersion) => Aliases.TryGetValue(fingerprint, out var id) ? id : null;

    public void InsertAlias(string fingerprint, int groupingVersion, long groupId) => Aliases.Add(fingerprint, groupId);

    public ErrorGroup? FindGroup(long id) => null;

    public ErrorGroup? FindGroupByFingerprint(string fingerprint, int groupingVersion) => null;

    public long InsertGroup(ErrorGroup group) => throw new InvalidOperationException("A paired report makes no group.");

    public void UpdateGroup(ErrorGroup group) => throw new InvalidOperationException("A paired report counts nothing.");

    public void InsertEvent(ErrorEventRecord errorEvent) => throw new InvalidOperationException("A paired report stores no event.");

    public void AddService(long groupId, string serviceName) => throw new InvalidOperationException("A paired report stores no service.");

    public bool AddRelease(long groupId, string release) => throw new InvalidOperationException("A paired report stores no release.");

    public void CountHour(long groupId, DateTimeOffset hour) => throw new InvalidOperationException("A paired report counts no hour.");
}
