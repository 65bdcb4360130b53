using System.Diagnostics;
using Vigil.Storage;

namespace Vigil.Server.Ingest;

/// <summary>
/// The ingest pipeline's figures: counted with interlocked operations on the request path and read
/// by <see cref="Snapshot"/> for the <c>/metrics</c> endpoint.
/// </summary>
internal sealed class IngestStatistics(IStore store) : IIngestStatistics
{
    /// <summary>The request-duration histogram's upper bounds in seconds, from a fast local commit to a slow remote batch.</summary>
    public static readonly double[] LatencyBoundsSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly int s_signalCount = Enum.GetValues<OtlpSignal>().Length;
    private static readonly int s_reasonCount = Enum.GetValues<OtlpRefusalReason>().Length;

    private readonly long[] _received = new long[s_signalCount];
    private readonly long[] _rejected = new long[s_signalCount];
    private readonly long[] _dropped = new long[s_signalCount];
    private readonly long[] _stored = new long[s_signalCount];
    private readonly long[] _requests = new long[s_signalCount];

    // Request latency as a Prometheus histogram: per signal a count per bucket (not cumulative; the
    // snapshot adds them up), a running sum of seconds and a count.
    private readonly long[] _latencyTicks = new long[s_signalCount];
    private readonly long[] _refused = new long[Enum.GetValues<OtlpTransport>().Length * s_reasonCount];
    private readonly long[][] _latencyBuckets = [.. Enum.GetValues<OtlpSignal>().Select(_ => new long[LatencyBoundsSeconds.Length + 1])];
    private long _queueDepth;
    private long _commits;
    private long _memoryReserved;
    private long _memoryRefused;

    // Exemplars dropped at ingest (malformed, or past MetricExemplar.MaxPerPoint) while their points were kept.
    private long _exemplarsDropped;

    // Commits that failed since the last one that succeeded, and when the latest failed (Environment.TickCount64).
    private long _failedCommitsInARow;
    private long _lastFailedCommitTicks;

    public void RecordReceived(OtlpSignal signal, int records) => Interlocked.Add(ref _received[(int)signal], records);

    public void RecordRejected(OtlpSignal signal, int records) => Interlocked.Add(ref _rejected[(int)signal], records);

    public void RecordDropped(OtlpSignal signal, int records) => Interlocked.Add(ref _dropped[(int)signal], records);

    public void RecordStored(OtlpSignal signal, int records) => Interlocked.Add(ref _stored[(int)signal], records);

    public void RecordCommit()
    {
        Interlocked.Increment(ref _commits);
        Volatile.Write(ref _failedCommitsInARow, 0);
    }

    public void RecordCommitFailed()
    {
        Volatile.Write(ref _lastFailedCommitTicks, Environment.TickCount64);
        Interlocked.Increment(ref _failedCommitsInARow);
    }

    /// <summary>
    /// How many commits failed in a row, when the latest of them is less than <paramref name="window"/> old; 0 when the
    /// last commit succeeded. The window lets readiness recover when no sender comes back to try: a server taken out of
    /// rotation for failing would otherwise never see the commit that shows it healed.
    /// </summary>
    public long RecentFailedCommitsInARow(TimeSpan window)
    {
        var failed = Volatile.Read(ref _failedCommitsInARow);
        return failed > 0 && Environment.TickCount64 - Volatile.Read(ref _lastFailedCommitTicks) < (long)window.TotalMilliseconds ? failed : 0;
    }

    public void RecordQueueDepth(long records) => Volatile.Write(ref _queueDepth, records);

    public void RecordRefused(OtlpTransport transport, OtlpRefusalReason reason) => Interlocked.Increment(ref _refused[RefusedIndex(transport, reason)]);

    public void RecordMemoryReserved(long bytes) => Volatile.Write(ref _memoryReserved, bytes);

    public void RecordMemoryRefused() => Interlocked.Increment(ref _memoryRefused);

    public void RecordExemplarsDropped(int exemplars) => Interlocked.Add(ref _exemplarsDropped, exemplars);

    public void RecordRequest(OtlpSignal signal, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _requests[(int)signal]);
        Interlocked.Add(ref _latencyTicks[(int)signal], elapsed.Ticks);
        // A loop, not Array.FindIndex with a lambda: that allocated a closure per request.
        var seconds = elapsed.TotalSeconds;
        var bucket = 0;
        while (bucket < LatencyBoundsSeconds.Length && seconds > LatencyBoundsSeconds[bucket])
        {
            bucket++;
        }

        Interlocked.Increment(ref _latencyBuckets[(int)signal][bucket]);
    }

    public long Received(OtlpSignal signal) => Volatile.Read(ref _received[(int)signal]);

    public long Rejected(OtlpSignal signal) => Volatile.Read(ref _rejected[(int)signal]);

    public long Dropped(OtlpSignal signal) => Volatile.Read(ref _dropped[(int)signal]);

    public long Stored(OtlpSignal signal) => Volatile.Read(ref _stored[(int)signal]);

    public long Refused(OtlpTransport transport, OtlpRefusalReason reason) => Volatile.Read(ref _refused[RefusedIndex(transport, reason)]);

    public long Commits => Volatile.Read(ref _commits);

    public long QueueDepth => Volatile.Read(ref _queueDepth);

    public IReadOnlyList<IngestFigure> Snapshot()
    {
        var figures = new List<IngestFigure>();
        foreach (var signal in Enum.GetValues<OtlpSignal>())
        {
            KeyValuePair<string, string>[] labels = [new("signal", SignalLabel(signal))];
            var i = (int)signal;
            figures.Add(new("vigil_ingest_records_received_total", "Records (spans, log records, data points) received over OTLP.", "counter", labels, Volatile.Read(ref _received[i])));
            figures.Add(new("vigil_ingest_records_rejected_total", "Records rejected as invalid and reported in partial_success.", "counter", labels, Volatile.Read(ref _rejected[i])));
            figures.Add(new("vigil_ingest_records_dropped_total", "Valid records not stored: queue full, shutting down or store failure (the sender was told to retry).", "counter", labels, Volatile.Read(ref _dropped[i])));
            figures.Add(new("vigil_ingest_records_stored_total", "Records committed to the store.", "counter", labels, Volatile.Read(ref _stored[i])));
            AddLatency(figures, signal, labels);
        }

        foreach (var transport in Enum.GetValues<OtlpTransport>())
        {
            foreach (var reason in Enum.GetValues<OtlpRefusalReason>())
            {
                KeyValuePair<string, string>[] labels = [new("transport", TransportLabel(transport)), new("reason", ReasonLabel(reason))];
                figures.Add(new("vigil_ingest_requests_refused_total", "OTLP requests refused before their records reached the ingest queue (too large, malformed, unsupported, aborted, unauthenticated).", "counter", labels, Refused(transport, reason)));
            }
        }

        figures.Add(new("vigil_ingest_queue_depth_records", "Records accepted and waiting to be committed.", "gauge", [], Volatile.Read(ref _queueDepth)));
        figures.Add(new("vigil_ingest_memory_reserved_bytes", "Memory reserved by export requests in flight, estimated from their size (see MaxIngestMemoryBytes).", "gauge", [], Volatile.Read(ref _memoryReserved)));
        figures.Add(new("vigil_ingest_memory_refused_requests_total", "Export requests refused (503 / UNAVAILABLE) because no ingest memory came free in time.", "counter", [], Volatile.Read(ref _memoryRefused)));
        figures.Add(new("vigil_ingest_exemplars_dropped_total", "Metric exemplars dropped at ingest (malformed, or past 32 a point); their points were stored.", "counter", [], Volatile.Read(ref _exemplarsDropped)));
        figures.Add(new("vigil_ingest_commits_total", "Store transactions written by the ingest queue.", "counter", [], Volatile.Read(ref _commits)));
        figures.Add(new("vigil_store_size_bytes", "Size of the store on disk, write-ahead log included.", "gauge", [], StoreSizeBytes()));
        return figures;
    }

    private void AddLatency(List<IngestFigure> figures, OtlpSignal signal, KeyValuePair<string, string>[] labels)
    {
        const string Name = "vigil_ingest_request_duration_seconds";
        const string Help = "Time spent answering export requests, in seconds.";
        var i = (int)signal;
        var cumulative = 0L;
        for (var b = 0; b <= LatencyBoundsSeconds.Length; b++)
        {
            cumulative += Volatile.Read(ref _latencyBuckets[i][b]);
            var upperBound = b < LatencyBoundsSeconds.Length ? LatencyBoundsSeconds[b] : double.PositiveInfinity;
            figures.Add(new(Name + "_bucket", Help, "histogram", labels, cumulative) { UpperBound = upperBound });
        }

        figures.Add(new(Name + "_sum", Help, "histogram", labels, TimeSpan.FromTicks(Volatile.Read(ref _latencyTicks[i])).TotalSeconds));
        figures.Add(new(Name + "_count", Help, "histogram", labels, Volatile.Read(ref _requests[i])));
    }

    private static string SignalLabel(OtlpSignal signal) => signal switch
    {
        OtlpSignal.Traces => "traces",
        OtlpSignal.Logs => "logs",
        OtlpSignal.Metrics => "metrics",
        _ => throw new UnreachableException(),
    };

    private static int RefusedIndex(OtlpTransport transport, OtlpRefusalReason reason) => ((int)transport * s_reasonCount) + (int)reason;

    private static string TransportLabel(OtlpTransport transport) => transport == OtlpTransport.Grpc ? "grpc" : "http";

    private static string ReasonLabel(OtlpRefusalReason reason) => reason switch
    {
        OtlpRefusalReason.TooLarge => "too_large",
        OtlpRefusalReason.Malformed => "malformed",
        OtlpRefusalReason.Unsupported => "unsupported",
        OtlpRefusalReason.Aborted => "aborted",
        OtlpRefusalReason.Unauthenticated => "unauthenticated",
        _ => throw new UnreachableException(),
    };

    private double StoreSizeBytes()
    {
        // The SQLite store is a file plus its write-ahead log; another engine's location is not a file.
        long total = 0;
        foreach (var path in new[] { store.Location, store.Location + "-wal" })
        {
            try
            {
                var file = new FileInfo(path);
                total += file.Exists ? file.Length : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // A figure must never fail the scrape.
            }
        }

        return total;
    }
}
