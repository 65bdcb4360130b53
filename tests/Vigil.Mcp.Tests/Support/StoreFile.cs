using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Mcp.Tests.Support;

/// <summary>Reads the store file directly, the second source a tool's answer is checked against.</summary>
internal static class StoreFile
{
    public static async Task<T> ReadAsync<T>(string path, Func<ITelemetryStore, Task<T>> read)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (store.ConfigureAwait(false))
        {
            return await read(store);
        }
    }
}
