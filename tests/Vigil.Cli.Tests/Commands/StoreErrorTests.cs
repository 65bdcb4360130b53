using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

public sealed class StoreErrorTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("logs")]
    [InlineData("traces")]
    [InlineData("metrics")]
    public async Task Command_MissingStore_ExitsTwoNamingPath(string command)
    {
        var run = await _cli.RunAsync(command, "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("vigil: ", line, StringComparison.Ordinal);
        Assert.Contains(_store.Path, line, StringComparison.Ordinal);
        Assert.False(File.Exists(_store.Path), "a reader must not create the store");
    }

    [Theory]
    [InlineData("logs")]
    [InlineData("traces")]
    [InlineData("metrics")]
    public async Task Command_CorruptStore_ExitsTwoNamingPath(string command)
    {
        await File.WriteAllTextAsync(_store.Path, "this is not a SQLite database, just some text that is long enough to have a header");

        var run = await _cli.RunAsync(command, "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(_store.Path, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_ReadOnlyStore_ExitsTwoNamingPath()
    {
        // The engine opens every store read-write (WAL and migrations need it), so a read-only
        // file cannot be read either; the CLI must say so, not crash.
        await _store.WriteLogsAsync(Some.Log("hello"));
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(_store.Path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(_store.Path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(_store.Path, line, StringComparison.Ordinal);
        Assert.Contains("read-only", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_StoreErrorWithVerbose_AddsDetails()
    {
        var run = await _cli.RunAsync("logs", "--verbose", "--store", _store.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("StoreNotFoundException", run.Stderr, StringComparison.Ordinal);
    }
}
