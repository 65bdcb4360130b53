using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Tests.Support;

/// <summary>
/// Reads the error groups a test's own exceptions made in its local store. Tracked operations share one
/// process-wide ActivitySource, so every SDK instance alive in this test process hears the operation spans (and
/// their exception events) of tests running beside it: a test throws a message of its own and reads only that.
/// </summary>
internal static class StoredErrorGroups
{
    public static string UniqueMessage(string text) => $"{text} {Guid.NewGuid():N}";

    public static async Task<IReadOnlyList<ErrorGroup>> WithMessageAsync(TestVigil vigil, string message)
    {
        await using var store = SqliteTelemetryStore.Open(Path.Combine(vigil.WorkingDirectory, ".vigil", "vigil.db"), TelemetryStoreOptions.Reader);
        var groups = await store.QueryErrorGroupsAsync(new ErrorGroupQuery());
        return [.. groups.Where(g => g.Message == message)];
    }
}
