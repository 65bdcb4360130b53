using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands;

/// <summary>Issue 11 items 9 and 13: "no store here" says where stores are and how else to read.</summary>
public sealed class NoStoreHintTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigil-cli-tests", Guid.NewGuid().ToString("N"));

    public NoStoreHintTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Errors_NoStoreHereButOneInAProjectFolder_ListsItAndMentionsServer()
    {
        // Arrange: what `dotnet run --project samples/WebApi` leaves, plus stores that must not be listed.
        await CreateStoreAsync(Path.Combine(_root, "samples", "WebApi", ".vigil", "vigil.db"));
        await CreateStoreAsync(Path.Combine(_root, "samples", "WebApi", "bin", "Debug", ".vigil", "vigil.db"));
        await CreateStoreAsync(Path.Combine(_root, "a", "b", "c", "d", "e", ".vigil", "vigil.db"));
        var cli = new CliHarness { CurrentDirectory = _root };

        // Act
        var run = await cli.RunAsync("errors");

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains(Path.Combine(_root, ".vigil", "vigil.db"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--server", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"vigil logs --store {Path.Combine("samples", "WebApi", ".vigil", "vigil.db")}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("bin", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine("d", "e"), run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, ".vigil", "vigil.db")));
    }

    [Fact]
    public async Task Errors_NoStoreHereButOneBelow_TheListedCommandIsSpelledAsThisCliWasStarted()
    {
        // Arrange: the CLI run from its build output, as the demo's guide prints it; a store in a folder with a space.
        await CreateStoreAsync(Path.Combine(_root, "my app", ".vigil", "vigil.db"));
        var cli = new CliHarness { CurrentDirectory = _root, CommandName = "src/Vigil.Cli/bin/Debug/net10.0/Vigil.Cli" };

        // Act
        var run = await cli.RunAsync("errors");

        // Assert: a line that runs as printed in a POSIX shell.
        Assert.Contains($"  src/Vigil.Cli/bin/Debug/net10.0/Vigil.Cli logs --store '{Path.Combine("my app", ".vigil", "vigil.db")}'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("  vigil logs", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_NoStoreAnywhere_OneLineMentioningStoreAndServer()
    {
        // Arrange
        var cli = new CliHarness { CurrentDirectory = _root };

        // Act
        var run = await cli.RunAsync("logs");

        // Assert
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--store", line, StringComparison.Ordinal);
        Assert.Contains("--server", line, StringComparison.Ordinal);
    }

    private static async Task CreateStoreAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var store = Vigil.Storage.Sqlite.SqliteTelemetryStore.Open(path);
    }
}
