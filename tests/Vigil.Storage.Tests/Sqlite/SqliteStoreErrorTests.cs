using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class SqliteStoreErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(_directory.Path))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }

        _directory.Dispose();
    }

    [Fact]
    public void Open_MissingFileAsReader_ThrowsStoreNotFoundNamingThePathAndCreatesNothing()
    {
        // Arrange
        var path = _directory.Combine(Path.Combine("absent", "vigil.db"));

        // Act
        var exception = Assert.Throws<StoreNotFoundException>(() => SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader));

        // Assert
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(path, exception.StorePath);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task Open_MissingFileAsWriter_CreatesFileAndFolder()
    {
        // Arrange
        var path = _directory.Combine(Path.Combine("new", "deeper", "vigil.db"));

        // Act
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log()] });
        }

        // Assert
        Assert.True(File.Exists(path));
        await using var reader = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);
        Assert.Single(await reader.QueryLogsAsync(new LogQuery()));
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsStoreCorruptNamingThePath()
    {
        // Arrange
        var path = _directory.Combine("corrupt.db");
        File.WriteAllText(path, new string('#', 8192));

        // Act
        var exception = Assert.Throws<StoreCorruptException>(() => SqliteTelemetryStore.Open(path));

        // Assert
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ReadOnlyFile_ThrowsStoreReadOnlyNamingThePath()
    {
        // Arrange
        var path = _directory.Combine("readonly.db");
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log()] });
        }

        File.SetAttributes(path, FileAttributes.ReadOnly);

        // Act
        var exception = Assert.Throws<StoreReadOnlyException>(() => SqliteTelemetryStore.Open(path));

        // Assert
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_ThrowsObjectDisposed()
    {
        // Arrange
        var store = SqliteTelemetryStore.Open(_directory.Combine("disposed.db"));
        await store.DisposeAsync();

        // Act + Assert
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.WriteAsync(new TelemetryBatch { Logs = [Some.Log()] }));
    }
}
