using System.Text.RegularExpressions;

namespace Vigil.Cli.Commands.Exec;

/// <summary>Removes terminal escape sequences (colours, cursor moves) from a line before it becomes a log record's body.</summary>
internal static partial class AnsiEscapes
{
    /// <summary><paramref name="line"/> without CSI and OSC sequences or other control characters (tabs stay).</summary>
    public static string Strip(string line)
    {
        if (!HasControls(line))
        {
            return line;
        }

        var withoutSequences = Sequence().Replace(line, string.Empty);
        return string.Concat(withoutSequences.Where(c => c == '\t' || !char.IsControl(c)));
    }

    /// <summary>Whether <paramref name="line"/> holds anything <see cref="Strip"/> would remove.</summary>
    public static bool HasControls(ReadOnlySpan<char> line) => line.ContainsAnyInRange('\0', '\u001f') || line.Contains('\u007f');

    // CSI (ESC [ ... final byte) and OSC (ESC ] ... BEL or ESC \), the two kinds tools print. Without backtracking a
    // hostile line costs time linear in its length and cannot time out (an uncaught timeout would end the recorder).
    [GeneratedRegex(@"\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?|\u001b[@-_]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Sequence();
}
