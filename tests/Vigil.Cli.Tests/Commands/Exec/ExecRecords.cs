using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>What the store holds after vigil exec runs: its spans and log records, read back through the real engine.</summary>
internal sealed record ExecRecords(IReadOnlyList<SpanEntry> Spans, IReadOnlyList<LogEntry> Logs)
{
    public static async Task<ExecRecords> ReadAsync(string path)
    {
        var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await using (store)
        {
            var spans = new List<SpanEntry>();
            foreach (var trace in await store.QueryTracesAsync(new TraceQuery { Limit = 100 }))
            {
                spans.AddRange(await store.GetTraceAsync(trace.TraceId));
            }

            var logs = await store.QueryLogsAsync(new LogQuery { Limit = 100_000 });
            return new ExecRecords(spans, logs.OrderBy(l => l.Sequence).ToList());
        }
    }

    public SpanEntry SingleExecSpan() => Assert.Single(Spans, s => s.Scope.Name == "Vigil.Exec");

    public static object? Attribute(SpanEntry span, string key) => span.Attributes.SingleOrDefault(a => a.Key == key).Value;
}
