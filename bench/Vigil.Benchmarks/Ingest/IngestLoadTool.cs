using System.Diagnostics;
using System.Net.Http.Headers;
using Grpc.Net.Client;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: several clients send OTLP exports (spans, then log records) to a <c>vigil serve</c> running in a
/// child process (real Kestrel, real SQLite store, or a store that discards writes to show the server's own share).
/// Reports items per second of wall time, the server process's CPU time and items per server CPU-second (what other
/// jobs on a shared machine cannot distort), and request latency (each answer comes after its commit). Prints
/// Markdown for docs/performance.md.
/// </summary>
internal static class IngestLoadTool
{
    private const double WarmUpShare = 0.1;
    private const double SettledJitShare = 0.02;
    private static readonly TimeSpan s_minWarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan s_maxWarmUp = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestLoadOptions.Parse(args);
        Console.WriteLine($"# ingest load: {options.Clients} clients x {options.RequestsPerClient} requests x {options.ItemsPerRequest} items x {options.Attributes} attributes, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        System.IO.Directory.CreateDirectory(options.Directory);
        var ceilings = new List<string>();
        foreach (var signal in options.Signals)
        {
            var sample = Bodies(options, signal);
            _ = IngestCeilings.ParseAndMap(signal, sample.SelectMany(b => b)); // warm-up
            var (rate, bytes) = IngestCeilings.ParseAndMap(signal, sample.SelectMany(b => b));
            ceilings.Add($"{signal}: parse + map only {rate:N0} items per CPU-second, {bytes:N0} bytes allocated per item (one thread, no network, no store)");
        }

        Console.WriteLine();
        Console.WriteLine("| store | signal | transport | items | wall | items/s wall | server CPU | items per server CPU-s | allocated per item | gen0 GCs | JIT time | p50 | p99 | commits |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var store in options.Stores)
        {
            foreach (var signal in options.Signals)
            {
                var path = Path.Combine(options.Directory, $"ingest-{Guid.NewGuid():N}.db");
                var database = store == "postgres" ? await BenchPostgres.CreateDatabaseAsync(options.Postgres) : null;
                var instances = database is null ? 1 : Math.Max(1, options.Instances);
                var servers = new List<IngestServerProcess>();
                try
                {
                    for (var i = 0; i < instances; i++)
                    {
                        servers.Add(await IngestServerProcess.StartAsync(store, database ?? path));

                        // For a profiler to attach to (dotnet-trace collect -p PID): the server alone.
                        await Console.Error.WriteLineAsync($"# server pid {servers[^1].Id} ({store}, {signal})");
                    }

                    var label = instances > 1 ? $"{store} x{instances}" : store;
                    var bodies = Bodies(options, signal);
                    foreach (var transport in options.Transports)
                    {
                        await WarmUpAsync(servers, signal, transport, bodies);
                        var storedBefore = await StoredBytesAsync(store, path, database);
                        var items = await RunAsync(servers, label, signal, transport, options, bodies);
                        var stored = await StoredBytesAsync(store, path, database) - storedBefore;
                        Console.WriteLine($"  ({label} {signal}: {stored / (double)items:N0} stored bytes per item)");
                    }
                }
                finally
                {
                    foreach (var server in servers)
                    {
                        await server.DisposeAsync();
                    }
                }

                if (database is not null)
                {
                    await BenchPostgres.DropDatabaseAsync(database);
                }

                foreach (var file in System.IO.Directory.GetFiles(options.Directory, Path.GetFileName(path) + "*"))
                {
                    File.Delete(file);
                }
            }
        }

        Console.WriteLine();
        foreach (var ceiling in ceilings)
        {
            Console.WriteLine(ceiling);
        }

        return 0;
    }

    // Not counted: rounds until the JIT has settled (its tiers take tens of seconds on a loaded machine; a server runs
    // for days), so the figures are the steady state's.
    private static async Task WarmUpAsync(List<IngestServerProcess> server, string signal, string transport, List<List<byte[]>> bodies)
    {
        var round = bodies.Select(b => b.Take(Math.Max(1, (int)(b.Count * WarmUpShare))).ToList()).ToList();
        var warming = Stopwatch.StartNew();
        var jit = (await StatsAsync(server)).JitTime;
        var quietRounds = 0;
        while (warming.Elapsed < s_maxWarmUp && (quietRounds < 2 || warming.Elapsed < s_minWarmUp))
        {
            var started = warming.Elapsed;
            await SendAllAsync(server, signal, transport, round);
            var now = (await StatsAsync(server)).JitTime;
            quietRounds = now - jit < (warming.Elapsed - started) * SettledJitShare ? quietRounds + 1 : 0;
            jit = now;
        }
    }

    private static List<List<byte[]>> Bodies(IngestLoadOptions options, string signal) =>
        [.. Enumerable.Range(0, options.Clients).Select(c => Enumerable.Range(0, options.RequestsPerClient)
            .Select(r => IngestRequests.Body(signal, c, r, options.ItemsPerRequest, options.Attributes)).ToList())];

    private static async Task<long> RunAsync(List<IngestServerProcess> server, string store, string signal, string transport, IngestLoadOptions options, List<List<byte[]>> bodies)
    {
        var before = await StatsAsync(server);
        await Console.Error.WriteLineAsync($"# measuring {store} {signal} {transport}");
        var watch = Stopwatch.StartNew();
        var latencies = await SendAllAsync(server, signal, transport, bodies);
        watch.Stop();
        var after = await StatsAsync(server);
        var all = latencies.SelectMany(l => l).Order().ToList();
        var items = (long)bodies.Sum(b => b.Count) * options.ItemsPerRequest;
        var cpu = after.Cpu - before.Cpu;
        Console.WriteLine($"| {store} | {signal} | {(transport == "grpc" ? "gRPC" : signal == "sentry" ? "HTTP/envelope" : "HTTP/protobuf")} | {items:N0} | {watch.Elapsed.TotalSeconds:F2} s | {items / watch.Elapsed.TotalSeconds:N0} | {cpu.TotalSeconds:F2} s | {items / cpu.TotalSeconds:N0} | {(after.Allocated - before.Allocated) / items:N0} B | {after.Collections - before.Collections:N0} | {(after.JitTime - before.JitTime).TotalSeconds:F2} s | {Percentile(all, 0.50):F1} ms | {Percentile(all, 0.99):F1} ms | {after.Commits - before.Commits:N0} |");
        return items;
    }

    /// <summary>Every server's figures added up: CPU, commits, allocations and JIT of all the processes.</summary>
    private static async Task<ServerStats> StatsAsync(List<IngestServerProcess> servers)
    {
        var all = await Task.WhenAll(servers.Select(s => s.StatsAsync()));
        return new ServerStats(
            TimeSpan.FromTicks(all.Sum(a => a.Cpu.Ticks)), all.Sum(a => a.Commits), all.Sum(a => a.Allocated),
            all.Sum(a => a.Collections), all.Sum(a => a.JittedMethods), TimeSpan.FromTicks(all.Sum(a => a.JitTime.Ticks)));
    }

    private static async Task<long> StoredBytesAsync(string store, string path, string? database) => database is not null
        ? await BenchPostgres.DatabaseSizeAsync(database)
        : System.IO.Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*").Sum(f => new FileInfo(f).Length);

    // Client c sends to server c mod N: the clients are split evenly among the instances.
    private static async Task<List<double>[]> SendAllAsync(List<IngestServerProcess> servers, string signal, string transport, List<List<byte[]>> bodies) =>
        await Task.WhenAll(bodies.Select((b, c) => Task.Run(() => transport == "grpc"
            ? SendGrpcAsync(servers[c % servers.Count].GrpcPort, signal, b)
            : SendHttpAsync(servers[c % servers.Count].HttpPort, signal, b))));

    private static async Task<List<double>> SendHttpAsync(int port, string signal, List<byte[]> bodies)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var path = signal == "sentry" ? "/api/1/envelope/" : IngestRequests.IsOtlpLogs(signal) ? "/v1/logs" : "/v1/traces";
        var latencies = new List<double>(bodies.Count);
        foreach (var body in bodies)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue(signal == "sentry" ? "application/x-sentry-envelope" : "application/x-protobuf");
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(path, content);
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<List<double>> SendGrpcAsync(int port, string signal, List<byte[]> bodies)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var traces = new TraceService.TraceServiceClient(channel);
        var logs = new LogsService.LogsServiceClient(channel);
        var latencies = new List<double>(bodies.Count);
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            if (IngestRequests.IsOtlpLogs(signal))
            {
                await logs.ExportAsync(ExportLogsServiceRequest.Parser.ParseFrom(body));
            }
            else
            {
                await traces.ExportAsync(ExportTraceServiceRequest.Parser.ParseFrom(body));
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
