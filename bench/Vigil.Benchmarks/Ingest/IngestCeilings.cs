using System.Diagnostics;
using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// The two ceilings end-to-end ingest is compared with: the rate at which the same request bodies
/// are only parsed and mapped (no network, no store), and the rate at which the mapped spans are only
/// written to the store, in transactions as large as the server's largest commit.
/// </summary>
internal static class IngestCeilings
{
    public static (double ParsedSpansPerSecond, double StoredSpansPerSecond) Measure(IReadOnlyList<ExportTraceServiceRequest> requests, string directory)
    {
        var bodies = requests.Select(r => r.ToByteArray()).ToList();

        var batches = new List<TelemetryBatch>(bodies.Count);
        var spans = 0L;
        var parse = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            var mapped = OtlpMapper.MapTraces(ExportTraceServiceRequest.Parser.ParseFrom(body));
            spans += mapped.Accepted;
            batches.Add(mapped.Batch);
        }

        parse.Stop();

        var storePath = Path.Combine(directory, $"ceiling-{Guid.NewGuid():N}.db");
        var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Writer);
        var write = Stopwatch.StartNew();
        foreach (var group in Group(batches, VigilServerOptions.DefaultMaxRecordsPerCommit))
        {
            store.WriteAsync(group).GetAwaiter().GetResult();
        }

        write.Stop();
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var file in Directory.GetFiles(directory, Path.GetFileName(storePath) + "*"))
        {
            File.Delete(file);
        }

        return (spans / parse.Elapsed.TotalSeconds, spans / write.Elapsed.TotalSeconds);
    }

    private static IEnumerable<TelemetryBatch> Group(List<TelemetryBatch> batches, int maxSpans)
    {
        var spans = new List<SpanEntry>();
        foreach (var batch in batches)
        {
            if (spans.Count + batch.Spans.Count > maxSpans && spans.Count > 0)
            {
                yield return new TelemetryBatch { Spans = spans };
                spans = [];
            }

            spans.AddRange(batch.Spans);
        }

        if (spans.Count > 0)
        {
            yield return new TelemetryBatch { Spans = spans };
        }
    }
}
