using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Cli.Tests.Commands.Demo;

/// <summary>
/// Every command the demo prints runs as printed: the built executable runs the demo as <c>dotnet run</c> would start it,
/// and each printed line then goes to <c>bash -c</c> unchanged, from the same directory, with no <c>vigil</c> on PATH.
/// </summary>
[Collection(DemoRunsInSequence.Name)]
public sealed class DemoPrintedCommandsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Demo_PrintedCommands_RunAsPrintedAndShowData()
    {
        // The CLI's own build output, run from the repository root as `dotnet run --project src/Vigil.Cli` runs it.
        var executable = Metadata("VigilCliExecutable");
        Assert.True(File.Exists(executable), $"no apphost at {executable}");
        var directory = Metadata("RepositoryRoot");

        // Until Ctrl-C (SIGTERM here), and stopped once the store has what every printed command shows: on a busy machine
        // a fixed --duration may end before the first declined payment.
        using var demo = Start(directory, executable, "demo", "--store", _store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", "--rate", "20");
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        try
        {
            await WaitForDeclinedPaymentAsync().WaitAsync(Timeout);
            using (var kill = Process.Start("kill", ["-TERM", demo.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync().WaitAsync(Timeout);
            }

            await demo.WaitForExitAsync().WaitAsync(Timeout);
        }
        finally
        {
            if (!demo.HasExited)
            {
                demo.Kill(entireProcessTree: true);
            }
        }

        Assert.True(demo.ExitCode == 0, await stderr.WaitAsync(Timeout));
        var commands = PrintedCommands(await stdout.WaitAsync(Timeout));
        Assert.Equal(6, commands.Count);
        Assert.All(commands, c => Assert.StartsWith(Path.GetRelativePath(directory, executable) + " ", c, StringComparison.Ordinal));

        foreach (var command in commands)
        {
            var run = await RunAsync(directory, "bash", "-c", command);
            // vigil health's exit code is the worst status (0, 1 or 2); every other command's is 0.
            var expected = command.Contains(" health ", StringComparison.Ordinal) ? run.ExitCode is >= 0 and <= 2 : run.ExitCode == 0;
            Assert.True(expected, $"`{command}` exited {run.ExitCode}: {run.Stderr}");
            Assert.False(string.IsNullOrWhiteSpace(run.Stdout), $"`{command}` printed nothing: {run.Stderr}");
        }
    }

    private static string Metadata(string key) =>
        typeof(DemoPrintedCommandsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    // The indented lines between "Look at them from another terminal:" and the --server line.
    private static List<string> PrintedCommands(string stdout)
    {
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith("Look at them", StringComparison.Ordinal));
        Assert.True(start >= 0, stdout);
        return [.. lines.Skip(start + 1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim())];
    }

    // A failed trace and its error group (#1, which `errors show 1` reads) are in the store.
    private async Task WaitForDeclinedPaymentAsync()
    {
        while (true)
        {
            if (File.Exists(_store.Path) && await HasDeclinedPaymentAsync())
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task<bool> HasDeclinedPaymentAsync()
    {
        try
        {
            var store = SqliteTelemetryStore.Open(_store.Path, TelemetryStoreOptions.Reader);
            await using (store)
            {
                return (await store.QueryTracesAsync(new TraceQuery { ErrorsOnly = true })).Count > 0 && (await store.GetErrorGroupAsync(1, 1, 1)) is not null;
            }
        }
        catch (StoreException)
        {
            // The server is still creating the store.
            return false;
        }
    }

    private static async Task<CliRun> RunAsync(string directory, string file, params string[] arguments)
    {
        using var process = Start(directory, file, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Timeout);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new CliRun(process.ExitCode, await stdout.WaitAsync(Timeout), await stderr.WaitAsync(Timeout));
    }

    private static Process Start(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // As on a fresh clone: no installed vigil on PATH, no store or server chosen by the environment.
        start.Environment["PATH"] = string.Join(
            Path.PathSeparator,
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Where(d => !File.Exists(Path.Combine(d, "vigil"))));
        start.Environment.Remove("VIGIL_STORE");
        start.Environment.Remove("VIGIL_SERVER");
        return Process.Start(start)!;
    }
}
