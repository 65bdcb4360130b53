using System.Diagnostics;
using System.Globalization;

namespace Vigil.Benchmarks.Ingest;

/// <summary>The parent's handle on an <see cref="IngestServerHost"/> child: its ports, its CPU time, its commits.</summary>
internal sealed class IngestServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private IngestServerProcess(Process process, int httpPort, int grpcPort)
    {
        _process = process;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
    }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public int Id => _process.Id;

    public static async Task<IngestServerProcess> StartAsync(string store, string path)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // The runtime settings of vigil serve (src/Vigil.Cli/Vigil.Cli.csproj), not this tool's.
        start.Environment["DOTNET_TieredPGO"] = "0";

        // Under `dotnet Vigil.Benchmarks.dll` the process is the host; the child needs the assembly too.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(IngestServerProcess).Assembly.Location);
        }

        foreach (var arg in new[] { "ingest-server", store, path })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The ingest server did not start.");
        var ready = (await ReadProtocolLineAsync(process))?.Split(' ');
        if (ready is not ["ready", var http, var grpc])
        {
            throw new InvalidOperationException($"The ingest server did not get ready: {string.Join(' ', ready ?? [])}");
        }

        return new IngestServerProcess(process, int.Parse(http, CultureInfo.InvariantCulture), int.Parse(grpc, CultureInfo.InvariantCulture));
    }

    /// <summary>The server's figures so far: CPU time (user and kernel), commits, bytes allocated, gen0 collections, methods jitted, time in the JIT.</summary>
    public async Task<ServerStats> StatsAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var stats = (await ReadProtocolLineAsync(_process))?.Split(' ');
        return stats is ["stats", var ticks, var commits, var allocated, var collections, var jitted, var jitTicks]
            ? new ServerStats(TimeSpan.FromTicks(Number(ticks)), Number(commits), Number(allocated), Number(collections), Number(jitted), TimeSpan.FromTicks(Number(jitTicks)))
            : throw new InvalidOperationException("The ingest server did not answer.");
    }

    /// <summary>The next line of the protocol, past the server's own lines (on a shared store it prints when it starts leading).</summary>
    private static async Task<string?> ReadProtocolLineAsync(Process process)
    {
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync()) is not null && line.StartsWith("vigil serve:", StringComparison.Ordinal))
        {
        }

        return line;
    }

    private static long Number(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>One reading of the ingest server's own figures.</summary>
internal sealed record ServerStats(TimeSpan Cpu, long Commits, long Allocated, long Collections, long JittedMethods, TimeSpan JitTime);
