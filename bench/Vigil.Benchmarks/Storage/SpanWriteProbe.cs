using System.Diagnostics;
using System.Globalization;
using Vigil.Model;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// <c>store-spans</c>: writes spans store-only (no network, no OTLP mapping) into a fresh SQLite store from this one
/// process, then inserts the very same rows plainly into an index-free table of the same 17 columns through raw
/// SQLitePCL (<see cref="SpanInsertCeiling"/>): the ceiling of this machine's SQLite for these rows, measured in the same
/// run. Prints wall and CPU figures as Markdown for docs/performance.md.
/// </summary>
internal static class SpanWriteProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = 200_000;
        var batchSize = 1_000;
        var attributes = SpanLoadData.DefaultAttributesPerSpan;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--spans":
                    total = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--attributes":
                    attributes = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--batch-size":
                    batchSize = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. Options: --spans N --batch-size B --attributes A (0 to 10)");
            }
        }

        var directory = Path.Combine(Path.GetTempPath(), "vigil-span-writes-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        try
        {
            var batches = SpanLoadData.Batches(total, batchSize, attributes);
            Console.WriteLine($"# store-spans: {total:N0} spans, batches of {batchSize:N0}, traces of {SpanLoadData.SpansPerTrace} spans, " +
                $"{attributes} attributes each, {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine("| what | wall s | spans/s wall | CPU s | µs CPU per span | spans per CPU s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");

            // Warm-up on a throw-away store: JIT and the first statement preparations are not the write rate.
            await WriteAsync(Path.Combine(directory, "warm.db"), SpanLoadData.Batches(5_000, batchSize, attributes));
            var store = await MeasureAsync(() => WriteAsync(Path.Combine(directory, "store.db"), batches));
            Report("Vigil store (SqliteTelemetryStore.WriteAsync)", total, store);

            var rows = SpanInsertCeiling.Rows(batches);
            var ceiling = await MeasureAsync(() => Task.Run(() => SpanInsertCeiling.Insert(Path.Combine(directory, "ceiling.db"), rows)));
            Report("ceiling: plain 17-column insert of the same rows, raw SQLitePCL, no index", total, ceiling);
            Console.WriteLine();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"store ÷ ceiling, per CPU second: {ceiling.Cpu.TotalSeconds / store.Cpu.TotalSeconds:P0}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task WriteAsync(string path, IReadOnlyList<SpanEntry[]> batches)
    {
        await using var store = SqliteTelemetryStore.Open(path);
        foreach (var batch in batches)
        {
            await store.WriteAsync(new TelemetryBatch { Spans = batch });
        }
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(Func<Task> action)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        return (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    private static void Report(string what, int spans, (TimeSpan Wall, TimeSpan Cpu) time) => Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"| {what} | {time.Wall.TotalSeconds:F2} | {spans / time.Wall.TotalSeconds:N0} | {time.Cpu.TotalSeconds:F2} | " +
        $"{time.Cpu.TotalMicroseconds / spans:F2} | {spans / time.Cpu.TotalSeconds:N0} |"));
}
