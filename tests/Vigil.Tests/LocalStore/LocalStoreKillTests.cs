using System.Diagnostics;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Tests.LocalStore;

/// <summary>
/// The SDK's local store, in a real process killed outright (SIGKILL) right after a flush that reported success:
/// everything recorded before the flush is in the store, each record once.
/// </summary>
public sealed class LocalStoreKillTests
{
    private const int Records = 200;

    [Fact]
    public async Task Flush_ReportedSuccessThenProcessKilled_EveryRecordAndSpanIsInTheStore()
    {
        // Arrange
        using var directory = new TempDirectory();
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        using var app = StartApp(directory.Path);

        // Act: the kill comes the moment the app says its flush succeeded; it never disposes Vigil.
        var said = await app.StandardOutput.ReadLineAsync(timeout.Token);
        app.Kill();
        await app.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.True(said == "flushed true", $"the app said '{said}': " + await app.StandardError.ReadToEndAsync(timeout.Token));
        await using var store = SqliteTelemetryStore.Open(Path.Combine(directory.Path, "vigil.db"), TelemetryStoreOptions.Reader);
        var logs = (await store.QueryLogsAsync(new LogQuery { Limit = 10_000 }, timeout.Token)).Where(l => l.Scope.Name == "CrashingApp.Flushed").ToArray();
        Assert.Equal(Enumerable.Range(0, Records).Select(n => (long)n), logs.Select(l => (long)l.Attributes.Single(a => a.Key == "N").Value!).Order());
        foreach (var log in logs)
        {
            // Each record was logged inside its own span: that span, with the same number, is stored too.
            var span = Assert.Single(await store.GetTraceAsync(log.TraceId!, timeout.Token));
            Assert.Equal("flushed span", span.Name);
            Assert.Equal(log.SpanId, span.SpanId);
            Assert.Equal(log.Attributes.Single(a => a.Key == "N").Value, span.Attributes.Single(a => a.Key == "n").Value);
        }
    }

    private static Process StartApp(string folder)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "CrashingApp.dll"), folder, "flush", Records.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VIGIL", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start CrashingApp.");
    }
}
