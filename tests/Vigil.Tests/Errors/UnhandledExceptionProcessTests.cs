using System.Diagnostics;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Tests.Support;

namespace Vigil.Tests.Errors;

/// <summary>A real process that dies of an unhandled exception: what reaches its sinks got there before it died.</summary>
public sealed class UnhandledExceptionProcessTests
{
    private static readonly TimeSpan s_processTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UnhandledException_OnWorkerThread_ProcessDiesWithRecordInFileAndStore()
    {
        using var directory = new TempDirectory();

        var (exitCode, stderr) = await RunCrashingAppAsync(directory.Path, "capture");

        Assert.NotEqual(0, exitCode);
        Assert.True(File.Exists(directory.Combine("app.jsonl")), $"No file sink output; exit code {exitCode}, standard error:\n{stderr}");
        var record = Assert.Single(JsonLines.Parse(directory.Combine("app.jsonl")), l => l.GetProperty("category").GetString() == "Vigil.Errors");
        Assert.Equal("Critical", record.GetProperty("level").GetString());
        var exception = record.GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("the payment queue is gone", exception.GetProperty("message").GetString());
        Assert.Contains("Crash.Now", exception.GetProperty("stacktrace").GetString(), StringComparison.Ordinal);

        await using var store = SqliteTelemetryStore.Open(directory.Combine("vigil.db"), TelemetryStoreOptions.Reader);
        var stored = Assert.Single(await store.QueryLogsAsync(new LogQuery()), l => l.Scope.Name == "Vigil.Errors");
        Assert.Equal(21, stored.SeverityNumber);
        Assert.Equal("System.InvalidOperationException", stored.ExceptionType);
        Assert.Equal("the payment queue is gone", stored.ExceptionMessage);
        Assert.Contains("Crash.Now", stored.ExceptionStackTrace, StringComparison.Ordinal);
        Assert.Equal("crashing-app", stored.Resource.ServiceName);
        var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery()));
        Assert.Equal("System.InvalidOperationException", group.Type);
        Assert.Equal(1, group.Count);
    }

    [Fact]
    public async Task UnhandledException_CaptureOff_ProcessDiesWithoutRecord()
    {
        using var directory = new TempDirectory();

        var (exitCode, _) = await RunCrashingAppAsync(directory.Path, "no-capture");

        Assert.NotEqual(0, exitCode);
        var file = directory.Combine("app.jsonl");
        var records = File.Exists(file) && new FileInfo(file).Length > 0 ? JsonLines.Parse(file) : [];
        Assert.DoesNotContain(records, l => l.GetProperty("category").GetString() == "Vigil.Errors");
    }

    private static async Task<(int ExitCode, string Stderr)> RunCrashingAppAsync(string folder, string mode)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CrashingApp.dll"));
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(mode);

        // A crash dump of a deliberate crash is only noise in the test machine's temp folder.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VIGIL", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start CrashingApp.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_processTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"CrashingApp did not exit: {await stderr}");
        }

        // The runtime's own report of the crash goes to standard error, as without Vigil.
        var errorText = await stderr;
        Assert.Contains("the payment queue is gone", errorText, StringComparison.Ordinal);
        return (process.ExitCode, errorText);
    }
}
