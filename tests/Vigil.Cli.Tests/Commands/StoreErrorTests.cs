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
    public async Task Logs_ReadOnlyStore_ReadsIt()
    {
        // Readers open the store read-only, so a file they may not write is still readable.
        await _store.WriteLogsAsync(Some.Log("hello"));
        MakeReadOnly(_store.Path);

        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("hello", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorsResolve_ReadOnlyStore_ExitsTwoNamingPath()
    {
        // A triage command writes, so a read-only file is an error for it, named as such.
        await _store.WriteLogsAsync(Some.Log("hello"));
        MakeReadOnly(_store.Path);

        var run = await _cli.RunAsync("errors", "resolve", "1", "--store", _store.Path);

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

    private static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
