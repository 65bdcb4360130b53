using System.Text;
using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>
/// Anyone who can send OTLP chooses the stack text: a megabyte line, a hundred thousand frames, lines that almost
/// match. Reading them must stay linear (a quadratic scan would hold the store's write transaction for hours), so
/// these run at sizes where a quadratic scan would not finish within the test run.
/// </summary>
public sealed class StackTraceParserHostileInputTests
{
    private const int Megabyte = 1 << 20;

    public static TheoryData<string, string> AlmostMatchingLines => new()
    {
        { "ruby location without quote", Repeat("/app/x.rb:1:in ", Megabyte) },
        { "ruby location never closed", "/app/x.rb:1:in '" + Repeat("a:1:in '", Megabyte) },
        { "ruby digits without colon", "/app/x.rb" + Repeat("1", Megabyte) + ":in 'x'" },
        { "ruby from line", "\tfrom " + Repeat("x:1:in ", Megabyte) },
        { "php call sites without colon", "#0 " + Repeat("/a.php(1)", Megabyte) },
        { "php call site parentheses", "#0 /a.php(1): " + Repeat("a(", Megabyte) },
        { "php open braces", "#0 /a.php(1): " + Repeat("{", Megabyte) + "(x)" },
        { "php java-like", "\tat " + Repeat("a(b.php:1", Megabyte) + ")" },
        { "php header in", "Exception: x" + Repeat(" in /a:", Megabyte) },
        { "php next header", "Next " + Repeat("A\\", Megabyte) + " in " + Repeat("/a:1", Megabyte / 4) },
        { "blank lines", "x" + Repeat("\n \n", Megabyte) + "at y" },
        { "ruby nested block labels", "/app/x.rb:1:in '" + Repeat("block in rescue in block (2 levels) in ", Megabyte) + "'" },
        { "node frame never closed", "    at " + Repeat("a (", Megabyte) + "x.js:1:1" },
        { "go call never closed", "goroutine 1 [running]:\n" + Repeat("a(b", Megabyte) + "\n\t/app/main.go:1" },
        { "python frame", "  File \"" + Repeat("a\", line 1, in ", Megabyte) },
    };

    [Theory]
    [MemberData(nameof(AlmostMatchingLines))]
    public void Compute_MegabyteLineThatAlmostMatches_Completes(string shape, string text)
    {
        // Act
        var fingerprint = new ExceptionDetails { Type = "HostileError", StackTrace = text }.Fingerprint();

        // Assert
        Assert.True(fingerprint.Value.Length == 64, shape);
        Assert.Equal("type:HostileError", fingerprint.Components[0]);
    }

    [Fact]
    public void Compute_RubyMegabyteLabel_OneFrame()
    {
        // Arrange
        var text = "/app/x.rb:1:in '" + new string('a', Megabyte) + "'";

        // Act
        var fingerprint = new ExceptionDetails { Type = "NoMethodError", StackTrace = text }.Fingerprint();

        // Assert
        Assert.Equal(["type:NoMethodError", "frame:x." + new string('a', Megabyte)], fingerprint.Components);
    }

    [Fact]
    public void Compute_RubyHundredThousandFrames_EveryFrameCountsAndRecursionCollapses()
    {
        // Arrange
        var distinct = new StringBuilder("/app/x.rb:1:in 'Boom#raise_it': deep (RuntimeError)\n");
        var recursive = new StringBuilder(distinct.ToString());
        for (var i = 0; i < 100_000; i++)
        {
            distinct.Append("\tfrom /app/x.rb:").Append(i).Append(":in 'Walker#step").Append(i).Append("'\n");
            recursive.Append("\tfrom /app/x.rb:").Append(i).Append(":in 'block in Walker#step'\n");
        }

        // Act
        var many = new ExceptionDetails { StackTrace = distinct.ToString() }.Fingerprint();
        var deep = new ExceptionDetails { StackTrace = recursive.ToString() }.Fingerprint();

        // Assert
        Assert.Equal(100_002, many.Components.Count);
        Assert.Equal("frame:x.step99999", many.Components[^1]);
        Assert.Equal(["type:RuntimeError", "frame:x.raise_it", "frame:x.step"], deep.Components);
    }

    [Fact]
    public void Compute_PhpHundredThousandFrames_EveryFrameCounts()
    {
        // Arrange
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append('#').Append(i).Append(" /var/www/src/Walker.php(").Append(i).Append("): App\\Walker->step").Append(i).Append("(Object(App\\Node))\n");
        }

        text.Append("#100000 {main}\n");

        // Act
        var fingerprint = new ExceptionDetails { Type = "Error", StackTrace = text.ToString() }.Fingerprint();

        // Assert
        Assert.Equal(100_001, fingerprint.Components.Count);
        Assert.Equal("frame:App.Walker.step0", fingerprint.Components[1]);
        Assert.Equal("frame:App.Walker.step99999", fingerprint.Components[^1]);
    }

    private static string Repeat(string part, int length)
    {
        var text = new StringBuilder(length + part.Length);
        while (text.Length < length)
        {
            text.Append(part);
        }

        return text.ToString();
    }
}
