using System.Buffers;
using System.Text;

namespace Vigil.Logging;

/// <summary>
/// Appends app-supplied text to a terminal line. Control characters are shown escaped, never
/// emitted: a message carrying ESC sequences could otherwise restyle or rewrite the user's
/// terminal, and one carrying a line feed could forge a log line.
/// </summary>
internal static class ConsoleText
{
    // C0 controls except tab, DEL, and the C1 range, which terminals also interpret.
    private static readonly SearchValues<char> s_unsafe = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
        + "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f");

    public static void AppendSafe(StringBuilder builder, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var next = text.IndexOfAny(s_unsafe);
            if (next < 0)
            {
                builder.Append(text);
                return;
            }

            builder.Append(text[..next]);
            AppendEscaped(builder, text[next]);
            text = text[(next + 1)..];
        }
    }

    /// <summary>
    /// A value for <c>key=value</c>: as is when it is one plain word, else in double quotes with
    /// quotes and backslashes escaped, so the line splits back into the same pairs.
    /// </summary>
    public static void AppendValue(StringBuilder builder, string value)
    {
        var needsQuotes = value.Length == 0 || value.AsSpan().IndexOfAny(" \"=\\") >= 0 || value.AsSpan().IndexOfAny(s_unsafe) >= 0;
        if (!needsQuotes)
        {
            builder.Append(value);
            return;
        }

        builder.Append('"');
        var text = value.AsSpan();
        while (true)
        {
            var next = text.IndexOfAny("\"\\");
            if (next < 0)
            {
                AppendSafe(builder, text);
                break;
            }

            AppendSafe(builder, text[..next]);
            builder.Append('\\').Append(text[next]);
            text = text[(next + 1)..];
        }

        builder.Append('"');
    }

    private static void AppendEscaped(StringBuilder builder, char c)
    {
        _ = c switch
        {
            '\n' => builder.Append("\\n"),
            '\r' => builder.Append("\\r"),
            _ => builder.Append("\\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
