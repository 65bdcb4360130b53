using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Hosting;
using Vigil.Server.Ingest;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Ingest;

/// <summary>
/// <c>ingest-server STORE PATH</c>: the server side of <c>ingest</c>, in its own process so that its CPU time is the
/// server's alone (the clients run in the parent). Prints <c>ready HTTP GRPC</c>; then answers each <c>stats</c> line
/// on stdin with <c>stats CPU-TICKS COMMITS ALLOCATED-BYTES GEN0-COLLECTIONS JITTED-METHODS JIT-TICKS</c>; stops when stdin closes.
/// </summary>
internal static class IngestServerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var kind = args[0];
        var path = args[1];
        // "postgres": PATH is the connection string of the database (several processes may share it).
        var real = kind == "postgres" ? StoreOpener.Open(path, TelemetryStoreOptions.Writer) : SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Writer);
        var store = kind == "null" ? DiscardingStore.Over(real) : real;
        var options = new VigilServerOptions { StorePath = path, GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0, SentryPublicKey = IngestErrorRequests.SentryKey };
        await using (var server = VigilServerApplication.Create(options, store))
        {
            await server.StartAsync();
            var statistics = server.Services.GetRequiredService<IngestStatistics>();
            Console.WriteLine($"ready {server.Port(VigilServerListener.OtlpHttp)} {server.Port(VigilServerListener.OtlpGrpc)}");
            while (await Console.In.ReadLineAsync() is { } line)
            {
                if (line == "stats")
                {
                    using var process = Process.GetCurrentProcess();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stats {process.TotalProcessorTime.Ticks} {statistics.Commits} {GC.GetTotalAllocatedBytes()} {GC.CollectionCount(0)} {System.Runtime.JitInfo.GetCompiledMethodCount()} {System.Runtime.JitInfo.GetCompilationTime().Ticks}"));
                }
            }
        }

        await store.DisposeAsync();
        return 0;
    }
}
