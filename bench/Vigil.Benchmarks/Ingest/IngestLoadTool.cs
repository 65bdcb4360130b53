using System.Diagnostics;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Otlp.Proto.Collector.Trace.V1;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// <c>ingest</c>: several clients send OTLP trace exports to an in-process <c>vigil serve</c> (real
/// Kestrel, real SQLite store) over HTTP/protobuf and then over gRPC. Reports accepted spans per
/// second and request latency (each answer comes after its commit). Prints Markdown for docs/performance.md.
/// </summary>
internal static class IngestLoadTool
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestLoadOptions.Parse(args);
        Console.WriteLine($"# ingest load: {options.Clients} clients x {options.RequestsPerClient} requests x {options.SpansPerRequest} spans, {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        Directory.CreateDirectory(options.Directory);
        var sample = Enumerable.Range(0, options.Clients)
            .SelectMany(c => Enumerable.Range(0, options.RequestsPerClient).Select(r => IngestRequests.Build(c, r, options.SpansPerRequest)))
            .ToList();
        var (parsed, stored) = IngestCeilings.Measure(sample, options.Directory);

        // CPU and memory are the whole process's: the server runs in-process with its clients.
        Console.WriteLine("| transport | spans accepted | wall time | spans/s | p50 request | p99 request | commits | CPU time | peak working set |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var slowest = double.MaxValue;
        foreach (var transport in new[] { "HTTP/protobuf", "gRPC" })
        {
            slowest = Math.Min(slowest, await RunAsync(transport, options));
        }

        var ceiling = Math.Min(parsed, stored);
        Console.WriteLine();
        Console.WriteLine($"ceilings: parse + map only {parsed:N0} spans/s; store writes only {stored:N0} spans/s");
        Console.WriteLine($"end to end (slower transport) {slowest:N0} spans/s = {slowest / ceiling:P0} of the lower ceiling (target: at least 50%, and at least 100,000 spans/s)");
        return 0;
    }

    private static async Task<double> RunAsync(string transport, IngestLoadOptions options)
    {
        double spansPerSecond;
        var storePath = Path.Combine(options.Directory, $"ingest-{Guid.NewGuid():N}.db");
        await using (var server = VigilServerApplication.Create(new VigilServerOptions { StorePath = storePath, GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 }))
        {
            await server.StartAsync();
            var bodies = Enumerable.Range(0, options.Clients)
                .Select(c => Enumerable.Range(0, options.RequestsPerClient).Select(r => IngestRequests.Build(c, r, options.SpansPerRequest)).ToList())
                .ToList();
            var latencies = new List<double>[options.Clients];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(c => Task.Run(async () =>
            {
                latencies[c] = transport == "gRPC"
                    ? await SendGrpcAsync(server.Port(VigilServerListener.OtlpGrpc), bodies[c])
                    : await SendHttpAsync(server.Port(VigilServerListener.OtlpHttp), bodies[c]);
            })));
            watch.Stop();
            var all = latencies.SelectMany(l => l).Order().ToList();
            var spans = (long)options.Clients * options.RequestsPerClient * options.SpansPerRequest;
            var commits = ((Vigil.Server.Ingest.IngestStatistics)server.Services.GetRequiredService<Vigil.Server.Ingest.IIngestStatistics>()).Commits;
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime - cpuBefore;
            spansPerSecond = spans / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"| {transport} | {spans:N0} | {watch.Elapsed.TotalSeconds:F1} s | {spansPerSecond:N0} | {Percentile(all, 0.50):F1} ms | {Percentile(all, 0.99):F1} ms | {commits:N0} | {cpu.TotalSeconds:F1} s | {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB |");
        }

        foreach (var file in Directory.GetFiles(options.Directory, Path.GetFileName(storePath) + "*"))
        {
            File.Delete(file);
        }

        return spansPerSecond;
    }

    private static async Task<List<double>> SendHttpAsync(int port, List<ExportTraceServiceRequest> requests)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var latencies = new List<double>(requests.Count);
        foreach (var request in requests)
        {
            using var content = new ByteArrayContent(request.ToByteArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            var started = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync("/v1/traces", content);
            response.EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<List<double>> SendGrpcAsync(int port, List<ExportTraceServiceRequest> requests)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new TraceService.TraceServiceClient(channel);
        var latencies = new List<double>(requests.Count);
        foreach (var request in requests)
        {
            var started = Stopwatch.GetTimestamp();
            await client.ExportAsync(request);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return latencies;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
