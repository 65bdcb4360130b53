using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>Issue 10 item 5: only a Vigil store is ever written, and a reader writes nothing at all.</summary>
public sealed class SqliteStoreRecognitionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    public static TheoryData<bool> ReaderAndWriter => [true, false];

    [Theory]
    [MemberData(nameof(ReaderAndWriter))]
    public void Open_ForeignDatabase_RefusesAndLeavesItByteForByte(bool reader)
    {
        // Arrange
        var path = _directory.Combine("app.db");
        var before = ForeignDatabase.Create(path);

        // Act
        var exception = Assert.Throws<StoreCorruptException>(() => SqliteTelemetryStore.Open(path, Options(reader)));

        // Assert
        Assert.Contains("not a Vigil store", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Theory]
    [MemberData(nameof(ReaderAndWriter))]
    public void Open_ForeignDatabaseAtUserVersionThree_IsNotMigrated(bool reader)
    {
        // Arrange: user_version 3 is a Vigil schema number, but the tables are not Vigil's.
        var path = _directory.Combine("v3.db");
        var before = ForeignDatabase.Create(path, userVersion: 3);

        // Act
        var exception = Assert.Throws<StoreCorruptException>(() => SqliteTelemetryStore.Open(path, Options(reader)));

        // Assert
        Assert.Contains("user_version is 3", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_ForeignApplicationId_RefusedByWriter()
    {
        // Arrange: no tables at all, but the header says another program owns it.
        var path = _directory.Combine("other.db");
        ForeignDatabase.Execute(path, "PRAGMA application_id = 1234;");
        var before = File.ReadAllBytes(path);

        // Act
        var exception = Assert.Throws<StoreCorruptException>(() => SqliteTelemetryStore.Open(path));

        // Assert
        Assert.Contains("application_id", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_EmptyFileAsReader_ThrowsAndLeavesItEmpty()
    {
        // Arrange
        var path = _directory.Combine("empty.db");
        File.WriteAllBytes(path, []);

        // Act
        var exception = Assert.Throws<StoreNotFoundException>(() => SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader));

        // Assert
        Assert.Contains("empty", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(path).Length);
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task Open_EmptyFileAsWriter_MakesItAMarkedStore()
    {
        // Arrange
        var path = _directory.Combine("empty.db");
        File.WriteAllBytes(path, []);

        // Act
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("first")] });
        }

        // Assert
        Assert.Equal(SchemaMigrator.ApplicationId, ForeignDatabase.Pragma(path, "application_id"));
        Assert.Equal(SchemaMigrator.LatestVersion, ForeignDatabase.Pragma(path, "user_version"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public async Task Open_UnmarkedVigilStore_OpensForWriterAndGetsTheMark(int version)
    {
        // Arrange: a store as a Vigil from before application_id left it.
        var path = _directory.Combine($"v{version}.db");
        await using (var old = SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: version))
        {
            await old.WriteAsync(new TelemetryBatch { Logs = [Some.Log("kept")] });
        }

        ForeignDatabase.Execute(path, "PRAGMA application_id = 0;");

        // Act
        await using var store = SqliteTelemetryStore.Open(path);

        // Assert
        Assert.Equal("kept", Assert.Single(await store.QueryLogsAsync(new LogQuery())).Body);
        Assert.Equal(SchemaMigrator.ApplicationId, ForeignDatabase.Pragma(path, "application_id"));
        Assert.Equal(SchemaMigrator.LatestVersion, ForeignDatabase.Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Open_UnmarkedLastUnmarkedVersionAsReader_IsAVigilStoreToUpgradeAndChangesNothing()
    {
        // Arrange: the newest schema that Vigil wrote before stores were marked, as such a store is on disk.
        var path = _directory.Combine("unmarked.db");
        await using (var old = SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: SchemaMigrator.LastUnmarkedVersion))
        {
            await old.WriteAsync(new TelemetryBatch { Logs = [Some.Log("kept")] });
        }

        ForeignDatabase.Execute(path, "PRAGMA application_id = 0;");
        var before = File.ReadAllBytes(path);

        // Act
        var exception = Assert.Throws<StoreVersionException>(() => SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader));

        // Assert: recognised by its tables as Vigil's, older than this version reads, and left as it was.
        Assert.Contains("vigil serve --store", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Open_UnmarkedStoreOfAMarkedSchema_IsForeignSayingItLacksTheMark()
    {
        // Arrange: every store at a schema newer than the last unmarked one is marked when it is made.
        var path = _directory.Combine("unmarked-current.db");
        await using (var current = SqliteTelemetryStore.Open(path))
        {
            await current.WriteAsync(new TelemetryBatch { Logs = [Some.Log("kept")] });
        }

        ForeignDatabase.Execute(path, "PRAGMA application_id = 0;");
        var before = File.ReadAllBytes(path);

        // Act
        var exception = Assert.Throws<StoreCorruptException>(() => SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader));

        // Assert
        Assert.Contains("no Vigil mark", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Open_OlderVigilStoreAsReader_SaysHowToUpgradeAndChangesNothing()
    {
        // Arrange
        var path = _directory.Combine("v3.db");
        await using (SqliteStore.Open(path, TelemetryStoreOptions.Writer, schemaVersion: 3))
        {
        }

        var before = File.ReadAllBytes(path);

        // Act
        var exception = Assert.Throws<StoreVersionException>(() => SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader));

        // Assert
        Assert.Contains("vigil serve --store", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(3, ForeignDatabase.Pragma(path, "user_version"));
    }

    [Fact]
    public async Task Open_ReaderOfReadOnlyFile_Reads()
    {
        // Arrange: a reader needs no write access to the store itself.
        var path = _directory.Combine("readonly.db");
        await using (var store = SqliteTelemetryStore.Open(path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("kept")] });
        }

        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            // Act
            await using var reader = SqliteTelemetryStore.Open(path, TelemetryStoreOptions.Reader);

            // Assert
            Assert.Single(await reader.QueryLogsAsync(new LogQuery()));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    private static TelemetryStoreOptions Options(bool reader) => reader ? TelemetryStoreOptions.Reader : TelemetryStoreOptions.Writer;
}
