using System.Diagnostics;

namespace Vigil.Cli.Tests.Support;

/// <summary>Runs the real <c>promtool check metrics</c> (Debian package <c>prometheus</c>: <c>apt-get install -y prometheus</c>).</summary>
internal static class Promtool
{
    /// <summary>The promtool on PATH, or null.</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "promtool"))
            .FirstOrDefault(File.Exists);

    /// <summary>Pipes <paramref name="input"/> to <c>promtool check metrics</c>; its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string promtool, string input)
    {
        var start = new ProcessStartInfo(promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout + await stderr);
    }
}
