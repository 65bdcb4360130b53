using System.Diagnostics;
using Vigil.Grouping;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Sentry;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// The decode ceiling end-to-end ingest is compared with: the same request bodies only parsed and mapped, on one
/// thread, no network and no store, in items per CPU-second. The store's own ceiling is the
/// <c>store</c> tool's; the server's with a free store is the <c>null</c> rows of <c>ingest</c>.
/// </summary>
internal static class IngestCeilings
{
    public static (double ItemsPerCpuSecond, long BytesPerItem) ParseAndMap(string signal, IEnumerable<byte[]> bodies)
    {
        var list = bodies.ToList();
        var items = 0L;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ProcessCpu();
        foreach (var body in list)
        {
            items += signal switch
            {
                "sentry" => MapSentry(body),
                "logs" or "errors" => OtlpMapper.MapLogs(ExportLogsServiceRequest.Parser.ParseFrom(body)).Accepted,
                _ => OtlpMapper.MapTraces(ExportTraceServiceRequest.Parser.ParseFrom(body)).Accepted,
            };
        }

        var seconds = (ProcessCpu() - cpu).TotalSeconds;
        return (items / seconds, (GC.GetAllocatedBytesForCurrentThread() - allocated) / items);
    }

    // What the Sentry endpoint does between reading the body and handing records to ingest: parse, then map each event.
    private static int MapSentry(byte[] body)
    {
        var envelope = SentryEnvelope.Parse(body);
        var events = 0;
        foreach (var item in envelope.Items.Where(i => i.Type == "event"))
        {
            events += SentryEventMapper.Map(item.Payload, 1, envelope.EventId, s_fingerprint, DateTimeOffset.UtcNow).Records.Count > 0 ? 1 : 0;
        }

        return events;
    }

    private static readonly FingerprintOptions s_fingerprint = new();

    // The process's CPU time (the parsing thread and the GC's): other jobs' load does not count.
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
