using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Demo;

/// <summary>What <c>vigil demo</c> prints after start-up: where the data goes and the commands to look at it.</summary>
internal static class DemoGuide
{
    /// <summary>The commands to type in another terminal, each reading the demo's store.</summary>
    public static IReadOnlyList<string> Commands(string storePath)
    {
        // The reading commands open the store file directly (they have no --server yet), so name the file.
        var store = "--store " + Quote(storePath);
        return
        [
            $"vigil logs --since 5m {store}",
            $"vigil traces --errors {store}",
            $"vigil metrics {store}",
            $"vigil errors {store}",
            $"vigil errors show 1 {store}",
            $"vigil health {store}",
        ];
    }

    /// <summary>Writes the guide.</summary>
    public static async Task WriteAsync(TextWriter output, VigilServerApplication server, int rate, TimeSpan? duration)
    {
        var grpcPort = server.Port(VigilServerListener.OtlpGrpc);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(
            $"A small web shop is handling {rate} checkout request(s) a second, instrumented with the Vigil SDK, " +
            $"which exports its logs, spans, metrics and health checks over OTLP/gRPC to port {grpcPort}.").ConfigureAwait(false);
        await output.WriteLineAsync("Look at them from another terminal:").ConfigureAwait(false);
        foreach (var command in Commands(server.StoreLocation))
        {
            await output.WriteLineAsync("  " + command).ConfigureAwait(false);
        }

        var query = $"http://127.0.0.1:{server.Port(VigilServerListener.Query)}";
        await output.WriteLineAsync($"Or through the server: add --server {query} instead of --store; Prometheus can scrape {query}/metrics.").ConfigureAwait(false);
        await output.WriteLineAsync(duration is { } d
            ? $"Stops by itself after {d.TotalSeconds:0.###}s; Ctrl-C stops it sooner."
            : "Press Ctrl-C to stop.").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    // Double quotes keep a path with spaces in one piece in a POSIX shell, PowerShell and cmd alike.
    private static string Quote(string path) => path.Any(char.IsWhiteSpace) ? "\"" + path + "\"" : path;
}
