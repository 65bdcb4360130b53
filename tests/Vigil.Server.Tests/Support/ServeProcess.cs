using System.Diagnostics;
using System.Reflection;

namespace Vigil.Server.Tests.Support;

/// <summary><c>dotnet Vigil.Cli.dll serve</c> from the CLI's build output, as a child process.</summary>
internal sealed class ServeProcess : IDisposable
{
    private ServeProcess(Process process, Uri otlpHttp, string? sentryDsn)
    {
        Process = process;
        OtlpHttp = otlpHttp;
        SentryDsn = sentryDsn;
    }

    /// <summary>The Sentry DSN the banner prints, as printed.</summary>
    public string? SentryDsn { get; }

    public Process Process { get; }

    public Uri OtlpHttp { get; }

    public static async Task<ServeProcess> StartAsync(params string[] arguments)
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
        var process = Process.Start(start)!;

        // The start-up block names the chosen OTLP/HTTP port; its address may be 0.0.0.0, so connect on loopback.
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync().DefaultTimeout()) is not null)
        {
            if (line.TrimStart().StartsWith("OTLP/HTTP", StringComparison.Ordinal))
            {
                var port = new Uri(line.Trim()["OTLP/HTTP".Length..].Trim()).Port;

                // The DSN follows on the next line.
                var dsn = (await process.StandardOutput.ReadLineAsync().DefaultTimeout())?.Trim() is { } next && next.StartsWith("Sentry DSN ", StringComparison.Ordinal)
                    ? next["Sentry DSN ".Length..]
                    : null;
                return new ServeProcess(process, new Uri($"http://127.0.0.1:{port}"), dsn);
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("vigil serve exited before printing its listeners: " + await process.StandardError.ReadToEndAsync().DefaultTimeout());
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
