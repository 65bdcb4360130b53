namespace Vigil.Grouping;

/// <summary>
/// Reads a Ruby backtrace: <c>Exception#full_message(order: :top)</c>, which opentelemetry-ruby's
/// <c>record_exception</c> sends (a header line, <c>from</c> frames, then each <c>cause</c> the same way), or a bare
/// <c>backtrace.join("\n")</c> that hand-written instrumentation sends (frames only).
/// </summary>
internal static class RubyStackTraceParser
{
    /// <summary>The exceptions outermost first (Ruby prints the causes after it), frames throw site first.</summary>
    public static List<ParsedException> Parse(string text)
    {
        var result = new List<ParsedException>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r', ' ');
            var from = line.StartsWith("\tfrom ", StringComparison.Ordinal);
            if (!RubyFrame.TryRead(from ? line[6..] : line, out var frame, out var rest))
            {
                // A message's further lines, or "... 12 levels..." when a backtrace limit is set.
                continue;
            }

            if (!from && rest.StartsWith(": ", StringComparison.Ordinal))
            {
                // "/app/order.rb:42:in 'Order#charge': message (Type)": an exception (the first, or a cause) starts
                // at its throw site.
                result.Add(Header(rest[2..]));
            }
            else if (rest.Length > 0)
            {
                continue;
            }
            else if (result.Count == 0)
            {
                result.Add(new ParsedException());
            }

            result[^1].Frames.Add(frame);
        }

        return result;
    }

    private static ParsedException Header(string text)
    {
        // The type closes the message's first line: "undefined method 'x' for nil (NoMethodError)".
        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (text.EndsWith(')') && open >= 0 && IsTypeName(text.AsSpan(open + 2, text.Length - open - 3)))
        {
            return new ParsedException { Type = text[(open + 2)..^1], Message = text[..open] };
        }

        return new ParsedException { Message = text };
    }

    private static bool IsTypeName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !char.IsAsciiLetterUpper(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not ':')
            {
                return false;
            }
        }

        return true;
    }
}
