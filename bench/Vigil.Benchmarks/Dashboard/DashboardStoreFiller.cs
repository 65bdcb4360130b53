using Vigil.Benchmarks.Storage;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Dashboard;

/// <summary>
/// Fills a store for the dashboard measurement: the storage tool's log records (<see cref="LoadData"/>) moved to the
/// 24 hours before now, and <see cref="SpanLoadData"/>'s spans moved into the hour before now, so the dashboard's
/// relative ranges ("1h", "24h") see them.
/// </summary>
internal static class DashboardStoreFiller
{
    public static async Task FillAsync(string path, int logs, int spans)
    {
        var now = DateTimeOffset.UtcNow;
        var logShift = now - LoadData.Span - LoadData.Start;
        var spanShift = now.AddMinutes(-50) - LoadData.Start;
        var data = new LoadData(logs);
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer);
        const int BatchSize = 10_000;
        for (var first = 0; first < logs; first += BatchSize)
        {
            var batch = new LogEntry[Math.Min(BatchSize, logs - first)];
            for (var i = 0; i < batch.Length; i++)
            {
                var entry = data.Log(first + i);
                batch[i] = entry with { Timestamp = entry.Timestamp + logShift, ObservedTimestamp = entry.Timestamp + logShift };
            }

            await store.WriteAsync(new TelemetryBatch { Logs = batch }).ConfigureAwait(false);
        }

        foreach (var batch in SpanLoadData.Batches(spans, BatchSize))
        {
            await store.WriteAsync(new TelemetryBatch
            {
                Spans = [.. batch.Select(s => s with { StartTime = s.StartTime + spanShift, EndTime = s.EndTime + spanShift })],
            }).ConfigureAwait(false);
        }
    }
}
