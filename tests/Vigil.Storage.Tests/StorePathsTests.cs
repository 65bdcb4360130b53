namespace Vigil.Storage.Tests;

public sealed class StorePathsTests
{
    private const string Cwd = "/home/dev/app";

    [Fact]
    public void Resolve_ExplicitPath_WinsOverEnvironment()
    {
        // Act
        var path = StorePaths.Resolve("data/my.db", _ => "/env/vigil.db", Cwd);

        // Assert
        Assert.Equal("/home/dev/app/data/my.db", path);
    }

    [Fact]
    public void Resolve_NoExplicitPath_UsesEnvironmentVariable()
    {
        // Act
        var path = StorePaths.Resolve(null, name => name == "VIGIL_STORE" ? "/env/vigil.db" : null, Cwd);

        // Assert
        Assert.Equal("/env/vigil.db", path);
    }

    [Fact]
    public void Resolve_NothingGiven_UsesDotVigilUnderCurrentDirectory()
    {
        // Act
        var path = StorePaths.Resolve(" ", _ => "", Cwd);

        // Assert
        Assert.Equal("/home/dev/app/.vigil/vigil.db", path);
    }
}
