using Vigil.Server.Configuration;
using Vigil.Server.Disk;

namespace Vigil.Server.Tests.Disk;

/// <summary>The configuration file's <c>DiskGuard</c> section, read like every other: the byte-size grammar, every problem named by its key.</summary>
public sealed class DiskGuardConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-disk-guard-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_DiskGuardSection_IsRead()
    {
        var configuration = ServerConfigurationLoader.Load(Write("""{ "DiskGuard": { "MinFreeBytes": "2GiB", "MinFreePercent": 2.5, "DropOldest": false, "Interval": "5s" } }"""));

        Assert.Equal(new DiskGuardOptions { MinFreeBytes = 2L << 30, MinFreePercent = 2.5, DropOldest = false, Interval = TimeSpan.FromSeconds(5) }, configuration.DiskGuard);
    }

    [Fact]
    public void Load_NoDiskGuardSection_TheDefaults()
    {
        var configuration = ServerConfigurationLoader.Load(Write("""{ "QueryTimeout": "10s" }"""));

        Assert.Equal(new DiskGuardOptions(), configuration.DiskGuard);
        Assert.True(configuration.DiskGuard.Enabled);
        Assert.Equal(1L << 30, configuration.DiskGuard.FloorBytes(1L << 40));
    }

    [Fact]
    public void Load_MinFreeBytesAsANumber_IsBytes()
    {
        var configuration = ServerConfigurationLoader.Load(Write("""{ "DiskGuard": { "MinFreeBytes": 1048576, "Enabled": false } }"""));

        Assert.Equal(1L << 20, configuration.DiskGuard.MinFreeBytes);
        Assert.False(configuration.DiskGuard.Enabled);
    }

    [Theory]
    [InlineData("""{ "DiskGuard": { "MinFreeBytes": "lots" } }""", "DiskGuard:MinFreeBytes")]
    [InlineData("""{ "DiskGuard": { "MinFreeBytes": "-1GiB" } }""", "DiskGuard:MinFreeBytes")]
    [InlineData("""{ "DiskGuard": { "MinFreeBytes": "2PiB" } }""", "DiskGuard:MinFreeBytes")]
    [InlineData("""{ "DiskGuard": { "MinFreeBytes": "9999999TiB" } }""", "DiskGuard:MinFreeBytes")]
    [InlineData("""{ "DiskGuard": { "MinFreeBytes": 1e300 } }""", "DiskGuard:MinFreeBytes")]
    [InlineData("""{ "DiskGuard": { "MinFreePercent": -1 } }""", "DiskGuard:MinFreePercent")]
    [InlineData("""{ "DiskGuard": { "MinFreePercent": 51 } }""", "DiskGuard:MinFreePercent")]
    [InlineData("""{ "DiskGuard": { "MinFreePercent": "five" } }""", "DiskGuard:MinFreePercent")]
    [InlineData("""{ "DiskGuard": { "Interval": "10ms" } }""", "DiskGuard:Interval")]
    [InlineData("""{ "DiskGuard": { "Interval": "2h" } }""", "DiskGuard:Interval")]
    [InlineData("""{ "DiskGuard": { "Enabled": "sometimes" } }""", "DiskGuard:Enabled")]
    [InlineData("""{ "DiskGuard": { "MinFreeGigabytes": 1 } }""", "DiskGuard:MinFreeGigabytes")]
    [InlineData("""{ "DiskGuard": 1 }""", "DiskGuard")]
    public void Load_HostileDiskGuard_NamesTheKey(string json, string key)
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(Write(json)));
        Assert.Contains(exception.Details, p => string.Equals(p.Path, key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Load_HostileMinFreeBytes_TheMessageSaysWhatIsAllowedAndDoesNotEchoALongValue()
    {
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(Write($$"""{ "DiskGuard": { "MinFreeBytes": "{{new string('9', 5000)}}" } }""")));

        var problem = Assert.Single(exception.Details, p => p.Path == "DiskGuard:MinFreeBytes");
        Assert.Contains("(long or unprintable)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("GiB", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Message.Length < 300, problem.Message);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
