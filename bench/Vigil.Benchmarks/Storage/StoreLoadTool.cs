using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Vigil.Model;
using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// <c>store</c>: writes log records into a fresh SQLite store from one process and from several at
/// once, then times the queries the CLI runs against it. Prints Markdown for docs/performance.md.
/// </summary>
internal static class StoreLoadTool
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = StoreLoadOptions.Parse(args);
        if (options.ChildPath is not null)
        {
            var share = options.Records / options.Processes;
            await WriteLogsAsync(options.ChildPath, new LoadData(options.Records), options.ChildId * share, share, options.BatchSize);
            return 0;
        }

        Directory.CreateDirectory(options.Directory);
        Console.WriteLine($"# store load: {options.Records:N0} records, batches of {options.BatchSize}, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

        var single = await NewStoreAsync(options, "single.db");
        var data = new LoadData(options.Records);
        // A writer that runs for long writes with its code compiled: warm the JIT up on a throwaway store first (its
        // tiers compiled the write path during the first seconds of the measured write and were counted in it), and
        // report what JIT time is still left in the measured write.
        if (options.WarmUpRecords > 0)
        {
            var warmUp = await NewStoreAsync(options, "warm-up.db");
            await WriteLogsAsync(warmUp, new LoadData(options.WarmUpRecords), 0, options.WarmUpRecords, options.BatchSize);
            await DeleteStoreAsync(warmUp);
            await Task.Delay(500); // the tiering thread's pending compilations
        }

        // CPU time as well as wall time: on a shared machine the wall clock also measures the neighbours.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await WriteLogsAsync(single, data, 0, options.Records, options.BatchSize);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Report("write, 1 process", options.Records, watch.Elapsed);
        Console.WriteLine($"| write, 1 process, per CPU second | {cpu.TotalSeconds:F1} CPU s | {options.Records / cpu.TotalSeconds:N0} records/CPU s, {cpu.TotalMicroseconds / options.Records:F2} µs CPU/record |");
        Console.WriteLine($"| of which the JIT, after a warm-up of {options.WarmUpRecords:N0} records | {jit.TotalSeconds:F2} s | |");
        Console.WriteLine($"| bytes allocated during the write, the LogEntry objects included | {allocated / (1024.0 * 1024.0):N0} MiB | {allocated / (double)options.Records:N0} B/record |");
        var generation = GenerationCpu(data, Math.Min(options.Records, 1_000_000)) * ((double)options.Records / Math.Min(options.Records, 1_000_000));
        Console.WriteLine($"| of which making the LogEntry objects (the caller's work, measured apart) | {generation.TotalSeconds:F1} CPU s | {generation.TotalMicroseconds / options.Records:F2} µs CPU/record |");
        // The writer's connection closed: SQLite checkpointed the WAL into the file and removed it.
        var fileBytes = await StoreBytesAsync(single);
        Console.WriteLine($"| store {(options.Postgres is null ? "file" : "database")} after the log write | {fileBytes / (1024.0 * 1024.0):N1} MiB | {fileBytes / (double)options.Records:F1} bytes/record |");
        if (options.Postgres is not null)
        {
            await RunPostgresRestAsync(single, options);
            return 0;
        }

        // The layout's raw insert ceiling, in the same run: the same records pre-encoded, then only inserted.
        var ceilingRecords = Math.Min(options.Records, 1_000_000);
        var ceiling = LogBlockCeiling.Measure(Path.Combine(options.Directory, "ceiling.db"), new LoadData(options.Records), ceilingRecords, options.BatchSize);
        DeleteStore(Path.Combine(options.Directory, "ceiling.db"));
        Console.WriteLine($"| ceiling: encoding {ceilingRecords:N0} records into {ceiling.Blocks:N0} blocks | {ceiling.EncodeCpu.TotalSeconds:F1} CPU s | {ceiling.EncodeCpu.TotalMicroseconds / ceilingRecords:F2} µs CPU/record (incl. making the LogEntry objects) |");
        Console.WriteLine($"| ceiling: inserting the encoded blocks only | {ceiling.InsertWall.TotalSeconds:F1} s wall, {ceiling.InsertCpu.TotalSeconds:F1} CPU s | {ceilingRecords / ceiling.InsertWall.TotalSeconds:N0} records/s, {ceilingRecords / ceiling.InsertCpu.TotalSeconds:N0} records/CPU s |");
        var storeCpuPerRecord = (cpu - generation).TotalSeconds / options.Records;
        var ceilingCpuPerRecord = ceiling.InsertCpu.TotalSeconds / ceilingRecords;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| store write vs ceiling (records per CPU s, caller's work left out) | {1 / storeCpuPerRecord:N0} vs {1 / ceilingCpuPerRecord:N0} | {ceilingCpuPerRecord / storeCpuPerRecord:F2}x |"));

        watch.Restart();
        var points = await WriteMetricsAsync(single, data);
        watch.Stop();
        Console.WriteLine($"| metric points written | {points:N0} | {watch.Elapsed.TotalSeconds:F1} s |");
        Console.WriteLine($"| store file size | {new FileInfo(single).Length / (1024.0 * 1024.0):N0} MiB | |");

        if (!options.SkipMultiProcess)
        {
            var shared = Path.Combine(options.Directory, "shared.db");
            DeleteStore(shared);
            watch.Restart();
            await RunChildrenAsync(shared, options);
            watch.Stop();
            Report($"write, {options.Processes} processes at once", options.Records / options.Processes * options.Processes, watch.Elapsed);
            if (!options.Keep)
            {
                DeleteStore(shared);
            }
        }

        await RunQueriesAsync(single, options);
        if (!options.Keep)
        {
            DeleteStore(single);
        }

        return 0;
    }

    /// <summary>The PostgreSQL run after its log write: the metric points, several writer processes on one database, the queries.</summary>
    private static async Task RunPostgresRestAsync(string single, StoreLoadOptions options)
    {
        var watch = Stopwatch.StartNew();
        var points = await WriteMetricsAsync(single, new LoadData(options.Records));
        Console.WriteLine($"| metric points written | {points:N0} | {watch.Elapsed.TotalSeconds:F1} s |");
        Console.WriteLine($"| store database size | {await StoreBytesAsync(single) / (1024.0 * 1024.0):N0} MiB | |");
        if (!options.SkipMultiProcess)
        {
            var shared = await NewStoreAsync(options, "shared.db");
            watch.Restart();
            await RunChildrenAsync(shared, options);
            watch.Stop();
            Report($"write, {options.Processes} processes at once", options.Records / options.Processes * options.Processes, watch.Elapsed);
            await DeleteStoreAsync(shared);
        }

        await RunQueriesAsync(single, options);
        if (!options.Keep)
        {
            await DeleteStoreAsync(single);
        }
    }

    /// <summary>A new, empty store: a file under the directory, or a new database with <c>--postgres</c>.</summary>
    private static async Task<string> NewStoreAsync(StoreLoadOptions options, string fileName)
    {
        if (options.Postgres is not null)
        {
            return await BenchPostgres.CreateDatabaseAsync(options.Postgres);
        }

        var path = Path.Combine(options.Directory, fileName);
        DeleteStore(path);
        return path;
    }

    private static async Task DeleteStoreAsync(string store)
    {
        if (StorePaths.IsDatabase(store))
        {
            await BenchPostgres.DropDatabaseAsync(store);
        }
        else
        {
            DeleteStore(store);
        }
    }

    private static async Task<long> StoreBytesAsync(string store) => StorePaths.IsDatabase(store)
        ? await BenchPostgres.DatabaseSizeAsync(store)
        : new FileInfo(store).Length + (File.Exists(store + "-wal") ? new FileInfo(store + "-wal").Length : 0);

    private static ITelemetryStore Open(string store, TelemetryStoreOptions options) => StoreOpener.Open(store, options);

    /// <summary>CPU time to make <paramref name="count"/> records, with nothing written.</summary>
    private static TimeSpan GenerationCpu(LoadData data, long count)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sink = 0L;
        for (var n = 0L; n < count; n++)
        {
            sink += data.Log(n).Attributes.Count;
        }

        GC.KeepAlive(sink);
        return Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    private static void Report(string what, long records, TimeSpan elapsed) =>
        Console.WriteLine($"| {what} | {records:N0} records in {elapsed.TotalSeconds:F1} s | {records / elapsed.TotalSeconds:N0} records/s |");

    private static async Task WriteLogsAsync(string path, LoadData data, long first, long count, int batchSize)
    {
        await using var store = Open(path, TelemetryStoreOptions.Writer);
        var batch = new LogEntry[batchSize];
        for (var done = 0L; done < count; done += batchSize)
        {
            var size = (int)Math.Min(batchSize, count - done);
            if (size != batch.Length)
            {
                batch = new LogEntry[size];
            }

            for (var i = 0; i < size; i++)
            {
                batch[i] = data.Log(first + done + i);
            }

            await store.WriteAsync(new TelemetryBatch { Logs = batch });
        }
    }

    private static async Task<long> WriteMetricsAsync(string path, LoadData data)
    {
        await using var store = Open(path, TelemetryStoreOptions.Writer);
        var count = 0L;
        foreach (var batch in data.MetricBatches())
        {
            await store.WriteAsync(new TelemetryBatch { MetricPoints = batch });
            count += batch.Length;
        }

        return count;
    }

    private static async Task RunChildrenAsync(string path, StoreLoadOptions options)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot find this executable.");
        var children = new List<Process>();
        for (var id = 0; id < options.Processes; id++)
        {
            var start = new ProcessStartInfo(self) { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
            }

            foreach (var argument in new[]
            {
                "store", "--child", path, "--child-id", id.ToString(CultureInfo.InvariantCulture),
                "--records", options.Records.ToString(CultureInfo.InvariantCulture),
                "--processes", options.Processes.ToString(CultureInfo.InvariantCulture),
                "--batch-size", options.BatchSize.ToString(CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(argument);
            }

            children.Add(Process.Start(start)!);
        }

        foreach (var child in children)
        {
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                throw new InvalidOperationException($"A writer process failed with exit code {child.ExitCode}.");
            }
        }
    }

    private static async Task RunQueriesAsync(string path, StoreLoadOptions options)
    {
        await using var store = Open(path, TelemetryStoreOptions.Reader);
        var hourFrom = LoadData.Start.AddHours(12);
        var hourTo = hourFrom.AddHours(1);
        var latest = await store.QueryLogsAsync(new LogQuery { Limit = 1 });
        var lastSequence = latest[0].Sequence;
        var someTrace = LoadData.TraceIdOf(12_345);

        Console.WriteLine();
        Console.WriteLine($"| query ({options.Records:N0} logs stored) | rows | median | p95 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await TimeAsync("text search, rare word (\"timeout\", 1%), newest 100", options, () => store.QueryLogsAsync(new LogQuery { Text = "timeout" }));
        await TimeAsync("text search, common word (\"finished\", 99%), newest 100", options, () => store.QueryLogsAsync(new LogQuery { Text = "finished" }));
        await TimeAsync("text search \"timeout\" within one hour", options, () => store.QueryLogsAsync(new LogQuery { Text = "timeout", From = hourFrom, To = hourTo }));
        await TimeAsync("one-hour time range, newest 100", options, () => store.QueryLogsAsync(new LogQuery { From = hourFrom, To = hourTo }));
        await TimeAsync("one hour, service + severity >= error", options, () => store.QueryLogsAsync(new LogQuery { ServiceName = "checkout", MinimumSeverity = 17, From = hourFrom, To = hourTo }));
        await TimeAsync("attribute user.id=u42, newest 100", options, () => store.QueryLogsAsync(new LogQuery { Attributes = [new("user.id", "u42")] }));
        await TimeAsync("logs of one trace id, newest 100", options, () => store.QueryLogsAsync(new LogQuery { TraceId = someTrace }));
        await TimeAsync("logs of one trace id within one hour", options, () => store.QueryLogsAsync(new LogQuery { TraceId = LoadData.TraceIdAt(options.Records, hourFrom.AddMinutes(30)), From = hourFrom, To = hourTo }));
        await TimeAsync("text search \"finished\" within one hour", options, () => store.QueryLogsAsync(new LogQuery { Text = "finished", From = hourFrom, To = hourTo }));
        await TimeAsync("follow: rows after a sequence", options, () => store.QueryLogsAsync(new LogQuery { AfterSequence = lastSequence - 50 }));
        await TimeAsync<MetricBucket>("metric, one hour, 1 min step, by service (rate)", options, async () =>
        {
            var result = await store.QueryMetricAsync(new MetricQuery
            {
                Name = "http.server.requests",
                From = hourFrom,
                To = hourTo,
                Step = TimeSpan.FromMinutes(1),
                GroupBy = ["service.name"],
            });
            return (IReadOnlyList<MetricBucket>)[.. result.Series.SelectMany(s => s.Buckets)];
        });
        await TimeAsync("list metrics", options, () => store.ListMetricsAsync());
    }

    private static async Task TimeAsync<T>(string name, StoreLoadOptions options, Func<Task<IReadOnlyList<T>>> query)
    {
        var rows = (await query()).Count; // warm-up: first run pays for page cache and statement preparation
        var times = new double[options.QueryRuns];
        for (var i = 0; i < times.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = (await query()).Count;
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {rows} | {times[times.Length / 2]:F1} ms | {times[(int)(times.Length * 0.95)]:F1} ms | {times[^1]:F1} ms |"));
    }

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
