using System.Text;
using Vigil.Cli.Commands.Exec;

namespace Vigil.Cli.Tests.Commands.Exec;

public sealed class LineAssemblerTests
{
    [Fact]
    public void Add_LinesSplitAcrossChunksAndCrLf_GivesEachLineOnce()
    {
        var lines = new List<string>();
        var assembler = new LineAssembler((line, _) => lines.Add(new string(line)));

        assembler.Add("fir"u8, default);
        assembler.Add("st\r\nsec"u8, default);
        assembler.Add("ond\n\nlast"u8, default);
        assembler.Complete();

        Assert.Equal(["first", "second", string.Empty, "last"], lines);
        Assert.Equal(4, assembler.Lines);
    }

    [Fact]
    public void Add_MultiByteCharacterSplitBetweenChunks_IsDecodedWhole()
    {
        var lines = new List<string>();
        var assembler = new LineAssembler((line, _) => lines.Add(new string(line)));
        var bytes = Encoding.UTF8.GetBytes("naïve ✓\n");

        // Every split point, including inside the two- and three-byte characters.
        for (var i = 0; i < bytes.Length; i++)
        {
            assembler.Add(bytes.AsSpan(i, 1), default);
        }

        Assert.Equal(["naïve ✓"], lines);
    }

    [Fact]
    public void Add_InvalidUtf8_IsReplacedNotThrown()
    {
        var lines = new List<string>();
        var assembler = new LineAssembler((line, _) => lines.Add(new string(line)));

        assembler.Add([0x61, 0xff, 0xfe, 0x62, 0x0a], default);

        Assert.Equal(["a\ufffd\ufffdb"], lines);
    }

    [Fact]
    public void Add_LineLongerThanTheCap_IsCutIntoRecordsOfTheCap()
    {
        var lines = new List<string>();
        var assembler = new LineAssembler((line, _) => lines.Add(new string(line)));

        assembler.Add(Encoding.ASCII.GetBytes(new string('x', (LineAssembler.MaxLineChars * 2) + 10) + "\n"), default);

        Assert.Equal([LineAssembler.MaxLineChars, LineAssembler.MaxLineChars, 10], lines.Select(l => l.Length));
    }

    [Fact]
    public void Complete_NothingPending_AddsNoEmptyLine()
    {
        var lines = new List<string>();
        var assembler = new LineAssembler((line, _) => lines.Add(new string(line)));

        assembler.Add("only\n"u8, default);
        assembler.Complete();

        Assert.Equal(["only"], lines);
    }
}
