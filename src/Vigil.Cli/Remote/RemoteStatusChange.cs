namespace Vigil.Cli.Remote;

/// <summary>The body of <c>POST /api/errors/{id}/status</c> (docs/api.md), with the status spelt as the API spells it.</summary>
/// <param name="Status"><c>unresolved</c>, <c>resolved</c> or <c>ignored</c>.</param>
/// <param name="InNextRelease">Resolved in the next release.</param>
/// <param name="IgnoreForEvents">Ignored until this many more events.</param>
/// <param name="IgnoreUntil">Ignored until this time.</param>
internal sealed record RemoteStatusChange(string Status, bool InNextRelease, long? IgnoreForEvents, DateTimeOffset? IgnoreUntil);
