using System.Diagnostics;

namespace Vigil.Server.Tests.Prometheus;

/// <summary>Runs the real <c>promtool check metrics</c> over an exposition.</summary>
internal static class Promtool
{
    public const string Path = "/usr/bin/promtool";

    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var start = new ProcessStartInfo(Path, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(exposition).WaitAsync(TimeSpan.FromSeconds(30));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout.WaitAsync(TimeSpan.FromSeconds(30)) + await stderr.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
