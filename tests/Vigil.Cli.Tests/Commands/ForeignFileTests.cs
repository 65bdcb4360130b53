using Microsoft.Data.Sqlite;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>Issue 10 item 5: the CLI's readers change no file, and nothing writes to a file that is not a Vigil store.</summary>
public sealed class ForeignFileTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("logs")]
    [InlineData("traces")]
    [InlineData("metrics")]
    [InlineData("errors")]
    [InlineData("health")]
    public async Task Reader_ForeignSqliteFile_ExitsTwoAndLeavesItByteForByte(string command)
    {
        // Arrange
        var before = CreateForeign(_store.Path, userVersion: 0);

        // Act
        var run = await _cli.RunAsync(command, "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not a Vigil store", line, StringComparison.Ordinal);
        Assert.Contains(_store.Path, line, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.Path));
        Assert.False(File.Exists(_store.Path + "-wal"), "a reader must not switch the file to WAL");
    }

    [Fact]
    public async Task Logs_ForeignFileAtUserVersionThree_RunsNoMigration()
    {
        // Arrange
        var before = CreateForeign(_store.Path, userVersion: 3);

        // Act
        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("not a Vigil store", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.Path));
    }

    [Fact]
    public async Task ErrorsResolve_ForeignFile_RefusesToWriteIt()
    {
        // Arrange: a triage command writes, but never to another program's database.
        var before = CreateForeign(_store.Path, userVersion: 0);

        // Act
        var run = await _cli.RunAsync("errors", "resolve", "1", "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("not a Vigil store", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.Path));
    }

    [Fact]
    public async Task Logs_EmptyFile_ExitsTwoAndDoesNotMakeItAStore()
    {
        // Arrange
        await File.WriteAllBytesAsync(_store.Path, []);

        // Act
        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("empty file", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(_store.Path).Length);
        Assert.False(File.Exists(_store.Path + "-wal"));
    }

    [Fact]
    public async Task Logs_OlderVigilStore_SaysHowToUpgradeAndLeavesIt()
    {
        // Arrange: a Vigil store whose schema is older than this version's (as a v3 file reads to a reader).
        await _store.WriteLogsAsync(Some.Log("hello"));
        Execute(_store.Path, "PRAGMA user_version = 3;");
        var before = await File.ReadAllBytesAsync(_store.Path);

        // Act
        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains($"vigil serve --store {_store.Path}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.Path));
    }

    [Fact]
    public async Task Logs_VigilStore_ReadsWithoutChangingTheFile()
    {
        // Arrange
        await _store.WriteLogsAsync(Some.Log("hello"));
        var before = await File.ReadAllBytesAsync(_store.Path);

        // Act
        var run = await _cli.RunAsync("logs", "--store", _store.Path);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("hello", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_store.Path));
    }

    private static byte[] CreateForeign(string path, int userVersion)
    {
        Execute(path, $"CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices (total) VALUES (9.5); PRAGMA user_version = {userVersion};");
        return File.ReadAllBytes(path);
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
