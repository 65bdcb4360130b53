using Vigil.Server.Configuration;

namespace Vigil.Server.Tests.Probes;

public sealed class ServerConfigurationFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Locate_Nothing_IsNull()
    {
        // Act
        var path = ServerConfigurationLoader.Locate(null, _ => null, _directory);

        // Assert
        Assert.Null(path);
    }

    [Fact]
    public void Locate_FileInWorkingDirectory_IsFound()
    {
        // Arrange
        var file = Path.Combine(_directory, ServerConfigurationLoader.DefaultFileName);
        File.WriteAllText(file, "{}");

        // Act
        var path = ServerConfigurationLoader.Locate(null, _ => null, _directory);

        // Assert
        Assert.Equal(file, path);
    }

    [Fact]
    public void Locate_OptionThenEnvironment_WinOverTheWorkingDirectory()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_directory, ServerConfigurationLoader.DefaultFileName), "{}");
        string? Environment(string name) => name == ServerConfigurationLoader.EnvironmentVariable ? "from-env.json" : null;

        // Act
        var fromOption = ServerConfigurationLoader.Locate("from-option.json", Environment, _directory);
        var fromEnvironment = ServerConfigurationLoader.Locate(null, Environment, _directory);

        // Assert
        Assert.Equal(Path.Combine(_directory, "from-option.json"), fromOption);
        Assert.Equal(Path.Combine(_directory, "from-env.json"), fromEnvironment);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        // Arrange
        var path = Path.Combine(_directory, "nope", "vigil.server.json");

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(path));

        // Assert
        Assert.Equal($"{path}: the configuration file does not exist", exception.Message);
        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void Load_Directory_IsAProblemNotACrash()
    {
        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(_directory));

        // Assert
        Assert.StartsWith(_directory + ": ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HugeFile_IsRefusedUnread()
    {
        // Arrange
        var path = Path.Combine(_directory, "huge.json");
        using (var file = File.Create(path))
        {
            file.SetLength(2 * 1024 * 1024);
        }

        // Act
        var exception = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Load(path));

        // Assert
        Assert.Contains("larger than", Assert.Single(exception.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReadsProbes()
    {
        // Arrange
        var path = Path.Combine(_directory, "ok.json");
        File.WriteAllText(path, """{ "Probes": [ { "Name": "db", "Kind": "tcp", "Host": "127.0.0.1", "Port": 5432 } ] }""");

        // Act
        var configuration = ServerConfigurationLoader.Load(path);

        // Assert
        Assert.Equal(path, configuration.Source);
        Assert.Equal("db", Assert.Single(configuration.Probes).Name);
    }
}
