using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.StoreWriter;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// Several writer processes and a reader on one file, nothing lost: each child writes batches of logs, spans and
/// metric points (<see cref="WrittenRecords"/>), each batch one transaction, while this process reads all the time.
/// </summary>
public sealed class MultiProcessSignalsTests : IDisposable
{
    private const int Writers = 4;
    private const int Batches = 20;
    private const int PerBatch = 25;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_FourProcessesWriteEverySignalWhileRead_ReaderNeverSeesPartOfABatchAndEveryRecordIsReadBackOnce()
    {
        // Arrange: the children race to create the file; each stops half-way until told to go on.
        var path = _directory.Combine("shared.db");
        string[] writers = [.. Enumerable.Range(0, Writers).Select(i => $"writer-{i}")];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var children = writers.Select(w => MultiProcessWriteTests.StartWriter(path, w, Batches, PerBatch, "all", pause: true)).ToArray();
        using var stopReading = new CancellationTokenSource();
        var reader = Task.Run(() => ReadContinuouslyAsync(path, writers, stopReading.Token), timeout.Token);

        try
        {
            // Act, part one: every writer has committed exactly its first half.
            foreach (var child in children)
            {
                Assert.Equal("paused", await child.StandardOutput.ReadLineAsync(timeout.Token));
            }

            await using (var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader))
            {
                var half = await WrittenSnapshot.ReadAsync(store, writers, Batches, PerBatch, timeout.Token);
                var expected = writers.SelectMany(w => Enumerable.Range(0, Batches / 2).Select(b => (w, b))).ToHashSet();
                Assert.True(expected.SetEquals(half.Logs), "logs at half-way");
                Assert.True(expected.SetEquals(half.Traces), "traces at half-way");
                Assert.True(expected.SetEquals(half.Points), "points at half-way");
            }

            // Act, part two: all of them at once, to the end, while the reader keeps reading.
            foreach (var child in children)
            {
                await child.StandardInput.WriteLineAsync();
                await child.StandardInput.FlushAsync(timeout.Token);
            }

            foreach (var (child, writer) in children.Zip(writers))
            {
                await child.WaitForExitAsync(timeout.Token);
                Assert.True(child.ExitCode == 0, $"{writer} failed: " + await child.StandardError.ReadToEndAsync(timeout.Token));
            }
        }
        finally
        {
            foreach (var child in children.Where(c => !c.HasExited))
            {
                child.Kill();
            }
        }

        await stopReading.CancelAsync();
        var reads = await reader;

        // Assert: the reader looked many times and never saw part of a batch (ReadAsync asserts it).
        Assert.True(reads > 0, "the reader never read the store");
        await using var final = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        await AssertEveryRecordOnceAsync(final, writers, timeout.Token);
    }

    /// <summary>Every log, span and point of every writer, each exactly once and as written; nothing else.</summary>
    private static async Task AssertEveryRecordOnceAsync(ITelemetryStore store, string[] writers, CancellationToken cancellationToken)
    {
        var records = Batches * PerBatch;
        var all = await store.QueryLogsAsync(new LogQuery { Limit = 1_000_000 }, cancellationToken);
        Assert.Equal(Writers * records, all.Count);
        Assert.Equal(all.Count, all.Select(l => l.Sequence).Distinct().Count());
        var series = (await WrittenSnapshot.QueryPointsAsync(store, records, cancellationToken)).ToDictionary(s => s.Labels["writer"]);
        Assert.Equal(writers.Order(), series.Keys.Order());
        foreach (var writer in writers)
        {
            var expected = Enumerable.Range(0, records).Select(n => (long)n).ToArray();
            var logs = all.Where(l => l.Resource.ServiceName == writer).OrderBy(l => (long)WrittenSnapshot.Attribute(l.Attributes, "n")).ToArray();
            Assert.Equal(expected, logs.Select(l => (long)WrittenSnapshot.Attribute(l.Attributes, "n")));
            Assert.All(logs, l => Assert.Equal(WrittenRecords.Body(writer, (long)WrittenSnapshot.Attribute(l.Attributes, "n")), l.Body));
            Assert.All(logs, l => Assert.Equal(WrittenRecords.Time((long)WrittenSnapshot.Attribute(l.Attributes, "n")), l.Timestamp));

            var spans = new List<SpanEntry>();
            for (var batch = 0; batch < Batches; batch++)
            {
                spans.AddRange(await store.GetTraceAsync(WrittenRecords.TraceId(writer, batch), cancellationToken));
            }

            Assert.Equal(expected.Select(WrittenRecords.SpanId), spans.Select(s => s.SpanId).Order(StringComparer.Ordinal));
            Assert.All(spans, s => Assert.Equal(WrittenRecords.SpanName(writer, (long)WrittenSnapshot.Attribute(s.Attributes, "n")), s.Name));

            var buckets = series[writer].Buckets;
            Assert.Equal(expected, buckets.Select(WrittenSnapshot.Second));
            Assert.Equal(expected.Select(n => (double?)(n + 1)), buckets.Select(b => b.Increase));
        }
    }

    /// <summary>Reads the store over and over until stopped; any part of a batch seen, or any failed read, fails the test.</summary>
    private static async Task<int> ReadContinuouslyAsync(string path, string[] writers, CancellationToken stop)
    {
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            if (!File.Exists(path) || MultiProcessWriteTests.TryOpenReader(path) is not { } store)
            {
                await Task.Yield();
                continue;
            }

            await using (store)
            {
                while (!stop.IsCancellationRequested)
                {
                    var seen = await WrittenSnapshot.ReadAsync(store, writers, Batches, PerBatch, CancellationToken.None);

                    // Read in this order, a batch whose logs were visible was committed before its traces and points were read.
                    Assert.True(seen.Logs.IsSubsetOf(seen.Traces), "a batch's logs were seen without its spans");
                    Assert.True(seen.Traces.IsSubsetOf(seen.Points), "a batch's spans were seen without its points");
                    reads++;
                }
            }
        }

        return reads;
    }
}
