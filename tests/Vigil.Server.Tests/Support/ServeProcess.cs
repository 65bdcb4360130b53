using System.Diagnostics;
using System.Reflection;

namespace Vigil.Server.Tests.Support;

/// <summary><c>dotnet Vigil.Cli.dll serve</c> from the CLI's build output, as a child process.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly List<string> _lines = [];

    private ServeProcess(Process process, Uri otlpHttp, string? sentryDsn, Uri? query, List<string> before)
    {
        _lines.AddRange(before);
        Process = process;
        OtlpHttp = otlpHttp;
        SentryDsn = sentryDsn;
        Query = query;

        // The rest of stdout is kept (the leadership lines come later), and the pipe never fills and blocks the server.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                }
            }
        });
    }

    /// <summary>The query port's address, on loopback.</summary>
    public Uri? Query { get; }

    /// <summary>What the server printed on stdout, but for its banner's listener lines, so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The Sentry DSN the banner prints, as printed.</summary>
    public string? SentryDsn { get; }

    public Process Process { get; }

    public Uri OtlpHttp { get; }

    public static Task<ServeProcess> StartAsync(params string[] arguments) => StartAsync(null, arguments);

    /// <summary>Starts <c>vigil serve</c> with extra environment variables (null removes one).</summary>
    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var cli = typeof(ServeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "VigilCliPath").Value!;
        Assert.True(File.Exists(cli), $"The CLI build output is missing: {cli}");
        var start = new ProcessStartInfo("dotnet", ["exec", cli, "serve", "--grpc-port", "0", "--otlp-port", "0", "--port", "0", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("VIGIL_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;

        // The start-up block names the chosen OTLP/HTTP port; its address may be 0.0.0.0, so connect on loopback.
        string? line;
        var before = new List<string>();
        while ((line = await process.StandardOutput.ReadLineAsync().DefaultTimeout()) is not null)
        {
            before.Add(line);
            if (line.TrimStart().StartsWith("OTLP/HTTP", StringComparison.Ordinal))
            {
                var port = new Uri(line.Trim()["OTLP/HTTP".Length..].Trim()).Port;

                // The DSN follows on the next line.
                var dsn = (await process.StandardOutput.ReadLineAsync().DefaultTimeout())?.Trim() is { } next && next.StartsWith("Sentry DSN ", StringComparison.Ordinal)
                    ? next["Sentry DSN ".Length..]
                    : null;
                var query = dsn is null ? null : await QueryPortAsync(process);
                return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"), dsn, query, before);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("vigil serve exited before printing its listeners: " + await process.StandardError.ReadToEndAsync().DefaultTimeout());
    }

    private static async Task<Uri?> QueryPortAsync(Process process)
    {
        var line = (await process.StandardOutput.ReadLineAsync().DefaultTimeout())?.Trim();
        return line is not null && line.StartsWith("query ", StringComparison.Ordinal)
            ? new Uri($"http://127.0.0.1:{new Uri(line["query ".Length..].Trim()).Port}")
            : null;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}
