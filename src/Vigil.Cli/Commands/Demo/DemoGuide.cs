using Vigil.Cli.Invocation;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Demo;

/// <summary>What <c>vigil demo</c> prints after start-up: where the data goes and the commands to look at it.</summary>
internal static class DemoGuide
{
    /// <summary>
    /// The commands to type in another terminal, each reading the demo's store, with <c>vigil</c> spelled as
    /// <paramref name="commandName"/> (see <see cref="CommandName"/>) so they run as printed.
    /// </summary>
    public static IReadOnlyList<string> Commands(string commandName, string storePath)
    {
        // The store file is named, so each command reads the demo's store from any directory.
        var store = "--store " + ShellWord.Quote(storePath);
        return
        [
            $"{commandName} logs --since 5m {store}",
            $"{commandName} traces --errors {store}",
            $"{commandName} metrics {store}",
            $"{commandName} errors {store}",
            $"{commandName} errors show 1 {store}",
            $"{commandName} health {store}",
        ];
    }

    /// <summary>Writes the guide.</summary>
    public static async Task WriteAsync(TextWriter output, string commandName, VigilServerApplication server, int rate, TimeSpan? duration)
    {
        var grpcPort = server.Port(VigilServerListener.OtlpGrpc);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(
            $"A small web shop is handling {rate} checkout {(rate == 1 ? "request" : "requests")} a second, instrumented with the Vigil SDK, " +
            $"which exports its logs, spans, metrics and health checks over OTLP/gRPC to port {grpcPort}.").ConfigureAwait(false);
        await output.WriteLineAsync("Look at them from another terminal:").ConfigureAwait(false);
        foreach (var command in Commands(commandName, server.StoreLocation))
        {
            await output.WriteLineAsync("  " + command).ConfigureAwait(false);
        }

        var query = $"http://127.0.0.1:{server.Port(VigilServerListener.Query)}";
        await output.WriteLineAsync($"Or open the dashboard in a browser: {query}/").ConfigureAwait(false);
        await output.WriteLineAsync($"Or through the server: add --server {query} instead of --store; Prometheus can scrape {query}/metrics.").ConfigureAwait(false);
        await output.WriteLineAsync(duration is { } d
            ? $"Stops by itself after {d.TotalSeconds:0.###}s; Ctrl-C stops it sooner."
            : "Press Ctrl-C to stop.").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
