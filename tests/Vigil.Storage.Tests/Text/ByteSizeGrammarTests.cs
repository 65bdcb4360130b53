using Vigil.Model.Text;

namespace Vigil.Storage.Tests.Text;

public sealed class ByteSizeGrammarTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("1048576", 1_048_576L)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("1GiB", 1L << 30)]
    [InlineData("1gib", 1L << 30)]
    [InlineData("1.5GB", 1_500_000_000L)]
    [InlineData("  64 KiB ", 64L << 10)]
    [InlineData("10B", 10L)]
    [InlineData("2TiB", 2L << 40)]
    public void TryParse_Size_IsItsBytes(string text, long expected)
    {
        // Act
        var parsed = ByteSizeGrammar.TryParse(text, out var bytes);

        // Assert
        Assert.True(parsed);
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("GiB")]
    [InlineData("-1")]
    [InlineData("-1MiB")]
    [InlineData("1 XiB")]
    [InlineData("1e9")]
    [InlineData("NaN")]
    [InlineData("1,5GB")]
    [InlineData("99999999999TiB")]
    [InlineData("1GiB;DROP TABLE logs")]
    public void TryParse_NotASize_IsFalse(string text)
    {
        Assert.False(ByteSizeGrammar.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(21_233_664, "20.25 MiB")]
    [InlineData(3L << 30, "3 GiB")]
    [InlineData(5L << 40, "5 TiB")]
    public void Format_Size_ReadsBackAsItsBytes(long bytes, string expected)
    {
        // Act
        var text = ByteSizeGrammar.Format(bytes);

        // Assert: the second source is the grammar reading it back.
        Assert.Equal(expected, text);
        Assert.True(ByteSizeGrammar.TryParse(text, out var back));
        Assert.Equal(bytes, back);
    }
}
