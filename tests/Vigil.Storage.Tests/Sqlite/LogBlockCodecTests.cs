using Microsoft.Data.Sqlite;
using Vigil.Model;
using Vigil.Storage.Sqlite;
using Vigil.Storage.Sqlite.LogBlocks;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

/// <summary>
/// The codec is recorded in each block's first byte so that the default can change without a migration
/// (LogBlockCompression): a store then holds blocks of two codecs, and every query must read both alike.
/// </summary>
public sealed class LogBlockCodecTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Path => _directory.Combine("vigil.db");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData((byte)LogBlockCodec.None, 0)]
    [InlineData((byte)LogBlockCodec.Brotli, 1)]
    [InlineData((byte)LogBlockCodec.Deflate, 1)]
    [InlineData((byte)LogBlockCodec.Deflate, 6)]
    public void Decompress_BlobOfAnyCodec_GivesBackTheBuiltBytes(byte codecByte, int level)
    {
        var codec = (LogBlockCodec)codecByte;

        // Arrange: compressible and random bytes, as a block's columns are.
        var built = new byte[70_000];
        new Random(7).NextBytes(built.AsSpan(0, 20_000));
        built.AsSpan(20_000).Fill((byte)'x');

        // Act
        var blob = new LogBlockCompression(codec, level).Compress(built);

        // Assert
        Assert.Equal((byte)codec, blob[0]);
        Assert.Equal(built, LogBlockCompression.Decompress(blob));
    }

    [Fact]
    public async Task QueryLogsAsync_StoreWithBrotliAndDeflateBlocks_ReadsEveryRecordOfBoth()
    {
        // Arrange: two blocks written with the default codec, then the older one recompressed with another.
        var older = Enumerable.Range(0, 50).Select(i => Some.Log($"older {i} timeout", time: Some.BaseTime.AddSeconds(i), attributes: [new("user.id", "u" + i)])).ToArray();
        var newer = Enumerable.Range(0, 50).Select(i => Some.Log($"newer {i} finished", time: Some.BaseTime.AddMinutes(5).AddSeconds(i), attributes: [new("user.id", "u" + i)])).ToArray();
        await using (var store = SqliteTelemetryStore.Open(Path))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = older });
            await store.WriteAsync(new TelemetryBatch { Logs = newer });
        }

        var blocks = ReadBlocks();
        Assert.Equal(2, blocks.Count);
        Assert.All(blocks, b => Assert.Equal((byte)LogBlockCompression.Default.Codec, b.Data[0]));
        var other = LogBlockCompression.Default.Codec == LogBlockCodec.Deflate ? LogBlockCodec.Brotli : LogBlockCodec.Deflate;
        UpdateBlock(blocks[0].Id, new LogBlockCompression(other, 1).Compress(LogBlockCompression.Decompress(blocks[0].Data)));
        Assert.Equal(new[] { (byte)other, (byte)LogBlockCompression.Default.Codec }, ReadBlocks().Select(b => b.Data[0]));

        // Act
        await using var reader = SqliteTelemetryStore.Open(Path, TelemetryStoreOptions.Reader);
        var all = await reader.QueryLogsAsync(new LogQuery { Limit = 1000 });
        var byText = await reader.QueryLogsAsync(new LogQuery { Text = "timeout" });
        var byAttribute = await reader.QueryLogsAsync(new LogQuery { Attributes = [new("user.id", "u7")] });

        // Assert: the second source is what was written.
        Assert.Equal(older.Concat(newer).Select(l => l.Body).Order(StringComparer.Ordinal), all.Select(l => l.Body).Order(StringComparer.Ordinal));
        Assert.Equal(older.Select(l => l.Body).Order(StringComparer.Ordinal), byText.Select(l => l.Body).Order(StringComparer.Ordinal));
        Assert.Equal("newer 7 finished|older 7 timeout", string.Join('|', byAttribute.Select(l => l.Body).Order(StringComparer.Ordinal)));
        Assert.All(all, l => Assert.Equal("u", ((string)Assert.Single(l.Attributes).Value!)[..1]));
    }

    private List<(long Id, byte[] Data)> ReadBlocks()
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, data FROM log_blocks ORDER BY id;";
        using var reader = command.ExecuteReader();
        var blocks = new List<(long, byte[])>();
        while (reader.Read())
        {
            blocks.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
        }

        return blocks;
    }

    private void UpdateBlock(long id, byte[] data)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE log_blocks SET data = @data WHERE id = @id;";
        command.Parameters.AddWithValue("@data", data);
        command.Parameters.AddWithValue("@id", id);
        Assert.Equal(1, command.ExecuteNonQuery());
    }
}
