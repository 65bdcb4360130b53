using System.Diagnostics;
using System.Globalization;
using Vigil.Model;
using Vigil.Storage.Sqlite;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Real child processes writing one store file at the same time.</summary>
public sealed class MultiProcessWriteTests : IDisposable
{
    private const int Batches = 40;
    private const int PerBatch = 50;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_TwoProcessesCreateAndWriteSameFileWhileRead_LosesNothing()
    {
        // Arrange: neither child finds a file, so both race to create and migrate it too.
        var path = _directory.Combine(Path.Combine("shared", "vigil.db"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Act
        var first = StartWriter(path, "alpha");
        var second = StartWriter(path, "beta");
        while (!first.HasExited || !second.HasExited)
        {
            // Reading while both write: WAL readers must neither fail nor block the writers.
            if (File.Exists(path) && TryOpenReader(path) is { } reader)
            {
                await using (reader)
                {
                    await reader.QueryLogsAsync(new LogQuery { Limit = 10 }, timeout.Token);
                }
            }

            await Task.Delay(20, timeout.Token);
        }

        await first.WaitForExitAsync(timeout.Token);
        await second.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.True(first.ExitCode == 0, "alpha failed: " + await first.StandardError.ReadToEndAsync(timeout.Token));
        Assert.True(second.ExitCode == 0, "beta failed: " + await second.StandardError.ReadToEndAsync(timeout.Token));
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        foreach (var writer in new[] { "alpha", "beta" })
        {
            var logs = await store.QueryLogsAsync(new LogQuery { ServiceName = writer, Limit = 1_000_000 }, timeout.Token);
            var numbers = logs.Select(l => (long)l.Attributes.Single(a => a.Key == "n").Value!).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, Batches * PerBatch).Select(n => (long)n), numbers);
        }

        var all = await store.QueryLogsAsync(new LogQuery { Limit = 1_000_000 }, timeout.Token);
        Assert.Equal(all.Count, all.Select(l => l.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task WriteAsync_TwoProcessesWriteSameExceptionAtOnce_FormOneGroupWithEveryEvent()
    {
        // Arrange: both children race to create the file and then the group.
        var path = _directory.Combine("errors.db");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Act
        var first = StartWriter(path, "alpha", exceptions: true);
        var second = StartWriter(path, "beta", exceptions: true);
        await first.WaitForExitAsync(timeout.Token);
        await second.WaitForExitAsync(timeout.Token);

        // Assert
        Assert.True(first.ExitCode == 0, "alpha failed: " + await first.StandardError.ReadToEndAsync(timeout.Token));
        Assert.True(second.ExitCode == 0, "beta failed: " + await second.StandardError.ReadToEndAsync(timeout.Token));
        await using var store = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        var group = Assert.Single(await store.QueryErrorGroupsAsync(new ErrorGroupQuery(), timeout.Token));
        Assert.Equal(2 * Batches * PerBatch, group.Count);
        Assert.Equal(["alpha", "beta"], group.Services);
        Assert.Equal("System.InvalidOperationException", group.Type);
        var detail = await store.GetErrorGroupAsync(group.Id, hours: 2, latestEvents: 10, timeout.Token);
        Assert.Equal(group.Count, detail!.HourlyCounts.Sum(h => h.Count));
    }

    private static ITelemetryStore? TryOpenReader(string path)
    {
        try
        {
            return SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        }
        catch (StoreException)
        {
            // The file can exist for a moment before the first writer has made it a database.
            return null;
        }
    }

    private static Process StartWriter(string path, string name, bool exceptions = false)
    {
        var writerDll = Path.Combine(AppContext.BaseDirectory, "StoreWriter.dll");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { writerDll, path, name, Batches.ToString(CultureInfo.InvariantCulture), PerBatch.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (exceptions)
        {
            start.ArgumentList.Add("exceptions");
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the writer process.");
    }
}
