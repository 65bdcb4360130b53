using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Sqlite.LogBlocks;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// The raw insert ceiling of the log block layout: the same records, encoded into blocks beforehand (as the writer
/// groups them: per batch, per service), then only inserted (block row + full-text row, one transaction per batch)
/// into a fresh store on a connection set up as the writer's. The store's own write must come within 0.7x of it.
/// </summary>
internal static class LogBlockCeiling
{
    public sealed record Result(long Records, int Blocks, TimeSpan EncodeCpu, TimeSpan InsertWall, TimeSpan InsertCpu);

    public static Result Measure(string path, LoadData data, long records, int batchSize, string? setup = null, bool withTerms = true)
    {
        // Encoding, timed on its own: what the store's writer does before the insert.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var batches = new List<List<EncodedLogBlock>>();
        using (var builder = new LogBlockBuilder(LogBlockCompression.Default))
        {
            var sequence = 1L;
            for (var done = 0L; done < records; done += batchSize)
            {
                var size = (int)Math.Min(batchSize, records - done);
                var logs = new LogEntry[size];
                for (var i = 0; i < size; i++)
                {
                    logs[i] = data.Log(done + i);
                }

                var blocks = new List<EncodedLogBlock>();
                foreach (var group in logs.GroupBy(l => l.Resource.ServiceName))
                {
                    foreach (var log in group)
                    {
                        if (builder.IsFull)
                        {
                            blocks.Add(builder.Build());
                        }

                        builder.Add(log, group.Key, sequence++, 1, 1, log.TraceId, log.SpanId);
                    }

                    blocks.Add(builder.Build());
                }

                batches.Add(blocks);
            }
        }

        var encodeCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // The schema, from the store itself; then a bare connection with the writer's settings.
        File.Delete(path);
        SqliteStore.Open(path, TelemetryStoreOptions.Writer).DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;";
            pragmas.ExecuteNonQuery();
        }

        if (setup is not null)
        {
            using var command = connection.CreateCommand();
            command.CommandText = setup;
            command.ExecuteNonQuery();
        }

        using var statements = new LogBlockStatements(connection);
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var command in statements.All)
            {
                command.Transaction = transaction;
            }

            foreach (var block in batch)
            {
                statements.Insert(withTerms ? block : block with { Terms = string.Empty });
            }

            transaction.Commit();
        }

        watch.Stop();
        return new Result(records, batches.Sum(b => b.Count), encodeCpu, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }
}
