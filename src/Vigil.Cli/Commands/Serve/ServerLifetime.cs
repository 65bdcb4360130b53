using Vigil.Server.Hosting;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Serve;

/// <summary>
/// Starting a server, describing its listeners and draining it: the parts <c>vigil serve</c> and
/// <c>vigil demo</c> share, so both report a busy port and their chosen ports in the same words.
/// </summary>
internal static class ServerLifetime
{
    /// <summary>Validates <paramref name="options"/> and starts a server; a port in use is a usage error.</summary>
    public static async Task<VigilServerApplication> StartAsync(VigilServerOptions options, CancellationToken cancellationToken)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join("; ", problems));
        }

        // Before Create: that opens (and, the first time, creates) the store.
        PortCheck.ThrowIfTaken(options);
        // A database is never removed: the server did not create it.
        var isFile = !StorePaths.IsDatabase(options.StorePath);
        var folder = isFile ? Path.GetDirectoryName(options.StorePath) : null;
        var folderExisted = folder is null || Directory.Exists(folder);
        var storeExisted = !isFile || File.Exists(options.StorePath);
        var server = VigilServerApplication.Create(options);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch (IOException e)
        {
            // A port taken between the check and Kestrel's bind: the server never ran, so the store it created goes too.
            await server.DisposeAsync().ConfigureAwait(false);
            if (!storeExisted)
            {
                RemoveCreatedStore(options.StorePath, folderExisted ? null : folder);
            }

            throw new CliUsageException($"cannot listen on {options.Bind}: {e.Message}");
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void RemoveCreatedStore(string path, string? createdFolder)
    {
        try
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }

            if (createdFolder is not null && !Directory.EnumerateFileSystemEntries(createdFolder).Any())
            {
                Directory.Delete(createdFolder);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the port message matters more than an empty store left behind.
        }
    }

    /// <summary>The host part of a listener's URL (IPv6 addresses in brackets).</summary>
    public static string Host(VigilServerOptions options) =>
        options.BindAddress().AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Bind}]" : options.Bind;

    /// <summary>Writes the store and the three listeners with the ports actually bound (0 resolved).</summary>
    public static async Task WriteListenersAsync(TextWriter output, VigilServerApplication server, VigilServerOptions options)
    {
        var host = Host(options);
        await output.WriteLineAsync($"  store      {server.StoreLocation}").ConfigureAwait(false);
        await output.WriteLineAsync($"  OTLP/gRPC  http://{host}:{server.Port(VigilServerListener.OtlpGrpc)}").ConfigureAwait(false);
        await output.WriteLineAsync($"  OTLP/HTTP  http://{host}:{server.Port(VigilServerListener.OtlpHttp)}").ConfigureAwait(false);

        // Any project id works; the key is what the server checks (docs/dialects.md).
        await output.WriteLineAsync($"  Sentry DSN http://{server.SentryPublicKey}@{host}:{server.Port(VigilServerListener.OtlpHttp)}/1").ConfigureAwait(false);
        await output.WriteLineAsync($"  query      http://{host}:{server.Port(VigilServerListener.Query)}").ConfigureAwait(false);
    }

    /// <summary>Waits for <paramref name="cancellationToken"/> (Ctrl-C, SIGTERM or a deadline); never throws for it.</summary>
    public static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stops accepting, stores what was acknowledged, and says so on stderr.</summary>
    public static async Task DrainAsync(VigilServerApplication server, TextWriter stderr, string command)
    {
        await stderr.WriteLineAsync($"vigil {command}: stopping; storing what was accepted...").ConfigureAwait(false);
        await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await stderr.WriteLineAsync($"vigil {command}: stopped.").ConfigureAwait(false);
    }
}
