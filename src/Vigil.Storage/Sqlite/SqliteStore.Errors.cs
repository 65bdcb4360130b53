namespace Vigil.Storage.Sqlite;

/// <summary>Error groups: placeholder until the error-tracking engine lands (issue 6).</summary>
internal sealed partial class SqliteStore
{
    public Task<IReadOnlyList<ErrorGroup>> QueryErrorGroupsAsync(ErrorGroupQuery query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Error groups are not stored yet.");

    public Task<ErrorGroupDetail?> GetErrorGroupAsync(long id, int hours, int latestEvents, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Error groups are not stored yet.");

    public Task<ErrorGroup?> UpdateErrorGroupStatusAsync(long id, ErrorStatusChange change, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Error groups are not stored yet.");
}
