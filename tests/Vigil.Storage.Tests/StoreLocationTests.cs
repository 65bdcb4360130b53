namespace Vigil.Storage.Tests;

/// <summary><see cref="StorePaths"/> telling a PostgreSQL database from a file, so `--store` and VIGIL_STORE take either.</summary>
public sealed class StoreLocationTests
{
    private const string Cwd = "/home/dev/app";

    [Theory]
    [InlineData("postgres://vigil@db.internal:5432/vigil")]
    [InlineData("postgresql://db/vigil")]
    [InlineData("POSTGRES://db/vigil")]
    [InlineData("Host=db.internal;Database=vigil;Username=vigil")]
    [InlineData("Server=db;Database=vigil")]
    [InlineData("  host = db ; database = vigil ")]
    public void IsDatabase_UrlOrConnectionString_True(string location) => Assert.True(StorePaths.IsDatabase(location));

    [Theory]
    [InlineData("/var/lib/vigil/vigil.db")]
    [InlineData("data/my.db")]
    [InlineData("postgres.db")]
    [InlineData("a=b.db")]
    [InlineData("http://db/vigil")]
    [InlineData("")]
    public void IsDatabase_FilePathOrOtherText_False(string location) => Assert.False(StorePaths.IsDatabase(location));

    [Fact]
    public void Resolve_DatabaseUrl_KeptAsGivenNotMadeAPath()
    {
        // Act
        var fromFlag = StorePaths.Resolve(" postgres://vigil@db/vigil ", _ => null, Cwd);
        var fromEnvironment = StorePaths.Resolve(null, name => name == StorePaths.EnvironmentVariable ? "Host=db;Database=vigil" : null, Cwd);

        // Assert
        Assert.Equal("postgres://vigil@db/vigil", fromFlag);
        Assert.Equal("Host=db;Database=vigil", fromEnvironment);
    }
}
