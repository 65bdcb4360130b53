using System.Diagnostics;
using System.Globalization;
using Vigil.Model;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Storage;

/// <summary>
/// <c>writer-commits</c>: times single commits of the shapes that were slow in the SQLite writer (issue 10 item 4,
/// issue 12 item 6), each into a fresh store, and prints the median of several rounds as Markdown:
/// 20,000 metric points whose series are new objects per point (as the OTLP mapper makes them) or shared objects;
/// 20,000 log records with a resource each; 2,500 new resources written after one record of 100,000 distinct words.
/// </summary>
internal static class WriterCommitProbe
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vigil-writer-commits-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        try
        {
            Console.WriteLine($"# writer commits: median of {Rounds} rounds, {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine("| commit | wall ms | CPU ms |");
            Console.WriteLine("|---|---:|---:|");
            await TimeAsync(directory, "20,000 points, a new series object per point", [], () => new() { MetricPoints = Points(shared: false) });
            await TimeAsync(directory, "20,000 points, 200 shared series objects", [], () => new() { MetricPoints = Points(shared: true) });
            await TimeAsync(directory, "20,000 logs, a new resource each", [], () => new() { Logs = Logs(20_000, "first") });
            var wideBody = string.Join(' ', Enumerable.Range(0, 100_000).Select(i => "w" + i.ToString("x", CultureInfo.InvariantCulture)));
            await TimeAsync(
                directory,
                "2,500 logs with new resources, after one log of 100,000 distinct words",
                [new() { Logs = [Log(wideBody, Resource("big"))] }],
                () => new() { Logs = Logs(2_500, "after") });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task TimeAsync(string directory, string label, TelemetryBatch[] before, Func<TelemetryBatch> measured)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var path = Path.Combine(directory, Guid.NewGuid().ToString("N") + ".db");
            await using (var store = SqliteTelemetryStore.Open(path))
            {
                // Warm the connection and its prepared commands, then write what the measured commit follows.
                await store.WriteAsync(new TelemetryBatch { Logs = Logs(10, "warm"), MetricPoints = Points(shared: true).GetRange(0, 10) });
                foreach (var batch in before)
                {
                    await store.WriteAsync(batch);
                }

                var commit = measured();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await store.WriteAsync(commit);
                watch.Stop();
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
                wall.Add(watch.Elapsed.TotalMilliseconds);
            }

            File.Delete(path);
        }

        Console.WriteLine($"| {label} | {Median(wall):N0} | {Median(cpu):N0} |");
    }

    private static List<MetricPoint> Points(bool shared)
    {
        var resource = Resource("bench");
        var scope = new InstrumentationScopeInfo { Name = "Bench.Meter" };
        var sharedSeries = Enumerable.Range(0, 200).Select(i => Series(i, resource, scope)).ToArray();
        var time = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, 20_000).Select(i => new MetricPoint
        {
            Series = shared ? sharedSeries[i % 200] : Series(i % 200, resource, scope),
            Timestamp = time.AddMilliseconds(i),
            Value = i,
        })];
    }

    private static MetricSeriesInfo Series(int n, TelemetryResource resource, InstrumentationScopeInfo scope) => new()
    {
        Name = "http.server.requests",
        Unit = "{request}",
        Kind = MetricKind.Sum,
        Temporality = AggregationTemporality.Cumulative,
        IsMonotonic = true,
        Attributes = [new("http.route", "/orders/" + n.ToString(CultureInfo.InvariantCulture)), new("http.method", "GET")],
        Resource = resource,
        Scope = scope,
    };

    private static LogEntry[] Logs(int count, string prefix) =>
        [.. Enumerable.Range(0, count).Select(i => Log("request finished in 12 ms", Resource(prefix + "-" + i.ToString(CultureInfo.InvariantCulture))))];

    private static LogEntry Log(string body, TelemetryResource resource) => new()
    {
        Timestamp = DateTimeOffset.UtcNow,
        SeverityNumber = 9,
        Body = body,
        Attributes = [new("http.route", "/orders"), new("user.id", "u42")],
        Resource = resource,
        Scope = new InstrumentationScopeInfo { Name = "Bench.Logs" },
    };

    private static TelemetryResource Resource(string service) =>
        new() { Attributes = [new("service.name", service), new("host.name", "bench-1")] };

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
