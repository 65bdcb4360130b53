using System.Diagnostics;
using System.Reflection;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Exec;

/// <summary>Runs the CLI's own build output as a real process, with stdin, stdout and stderr as pipes.</summary>
internal static class VigilProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    /// <summary>A real dotnet build's bound: builds took over 3 minutes on the shared 2-core machine at load 47.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    public static string Executable { get; } = typeof(VigilProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "VigilCliExecutable").Value!;

    /// <summary>Runs <c>vigil ARGS</c> in <paramref name="directory"/>, writing <paramref name="stdin"/> to it, and waits for it.</summary>
    public static Task<CliRun> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] arguments) =>
        RunProgramAsync(Executable, directory, environment, stdin, Timeout, arguments);

    /// <summary>Runs <paramref name="program"/> the same way (used for the bare command beside <c>vigil exec</c>).</summary>
    public static async Task<CliRun> RunProgramAsync(string program, string directory, IReadOnlyDictionary<string, string?> environment, string? stdin, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No store, server or trace chosen by the test host's own environment.
        foreach (var name in new[] { "VIGIL_STORE", "VIGIL_SERVER", "TRACEPARENT", "TRACESTATE", "BAGGAGE", "OTEL_EXPORTER_OTLP_ENDPOINT", "CI", "GITHUB_ACTIONS", "TF_BUILD" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new CliRun(process.ExitCode, await stdout.WaitAsync(timeout), await stderr.WaitAsync(timeout));
    }
}
