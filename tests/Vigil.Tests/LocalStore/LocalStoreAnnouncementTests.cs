using Microsoft.Extensions.DependencyInjection;
using Vigil.Configuration;

namespace Vigil.Tests.LocalStore;

/// <summary>Issue 11 item 9: the SDK says once, at start-up, where its local store is.</summary>
public sealed class LocalStoreAnnouncementTests
{
    [Fact]
    public void AddVigil_ConsoleIsATerminal_PrintsTheStorePathOnce()
    {
        // Arrange
        using var directory = new TempDirectory();
        var console = new StringWriter();

        // Act
        AddVigil(directory.Path, console, terminal: true);

        // Assert
        var line = Assert.Single(console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(Path.Combine(directory.Path, ".vigil", "vigil.db"), line, StringComparison.Ordinal);
        Assert.Contains("--store " + Path.Combine(directory.Path, ".vigil", "vigil.db"), line, StringComparison.Ordinal);

        // Not a command line: whether `vigil` is on PATH here is unknown to the SDK, and a printed command must run as printed.
        Assert.DoesNotContain("vigil logs", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVigil_ConsoleRedirected_KeepsTheConsoleForJsonLines()
    {
        // Arrange
        using var directory = new TempDirectory();
        var console = new StringWriter();

        // Act
        AddVigil(directory.Path, console, terminal: false);

        // Assert
        Assert.Empty(console.ToString());
    }

    private static void AddVigil(string directory, StringWriter console, bool terminal)
    {
        var context = new VigilStartupContext(directory, new Dictionary<string, string?>());
        new ServiceCollection().AddVigil(context, new SinkEnvironment(console, terminal, new Dictionary<string, string?>(), directory), configure: null);
    }
}
