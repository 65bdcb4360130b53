using System.Diagnostics;

namespace Vigil.Server.Tests.Prometheus;

/// <summary>
/// Runs the real <c>promtool check metrics</c> over an exposition. promtool comes from the Debian
/// package 'prometheus', which scripts/prerequisites.sh installs.
/// </summary>
internal static class Promtool
{
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, "promtool not found on PATH: install it with 'apt-get install -y prometheus'");
        var start = new ProcessStartInfo(path, ["check", "metrics"])
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
