namespace Vigil.Grouping;

/// <summary>
/// One Ruby backtrace location, <c>/app/models/order.rb:42:in 'Order#charge'</c> (Ruby 3.4) or
/// <c>/app/models/order.rb:42:in `charge'</c> (before), reduced to <c>file.method</c>.
/// </summary>
internal static class RubyFrame
{
    // The VM names blocks and rescue/ensure clauses after their method: they group with it.
    private static readonly string[] s_clausePrefixes = ["block in ", "rescue in ", "ensure in "];

    /// <summary>Reads the location at the start of <paramref name="line"/>; <paramref name="rest"/> is what follows its closing quote.</summary>
    public static bool TryRead(string line, out ParsedFrame frame, out string rest)
    {
        frame = null!;
        rest = "";

        // IndexOf scans move forward only, so a hostile line costs linear time whatever it repeats.
        for (var at = line.IndexOf(":in ", StringComparison.Ordinal); at > 0; at = line.IndexOf(":in ", at + 4, StringComparison.Ordinal))
        {
            var digits = at;
            while (digits > 0 && char.IsAsciiDigit(line[digits - 1]))
            {
                digits--;
            }

            var open = at + 4;
            if (digits == at || digits < 2 || line[digits - 1] != ':' || open >= line.Length || line[open] is not ('\'' or '`'))
            {
                continue;
            }

            var close = line.IndexOf('\'', open + 1);
            if (close < 0)
            {
                return false;
            }

            var file = line[..(digits - 1)];
            frame = new ParsedFrame(RubyFile.Module(file) + "." + Function(line[(open + 1)..close]), RubyFile.IsInApp(file));
            rest = line[(close + 1)..];
            return true;
        }

        return false;
    }

    /// <summary>The method: <c>block (2 levels) in Order#charge</c> → <c>charge</c>; <c>&lt;main&gt;</c>, <c>&lt;class:Order&gt;</c> stay.</summary>
    private static string Function(string label)
    {
        // A span, not substrings: a hostile "block in block in …" label must not be copied once per prefix.
        var name = label.AsSpan();
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var prefix in s_clausePrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = name[prefix.Length..];
                    stripped = true;
                }
            }

            var levels = name.StartsWith("block (", StringComparison.Ordinal) ? name.IndexOf(" levels) in ", StringComparison.Ordinal) : -1;
            if (levels > 0)
            {
                name = name[(levels + " levels) in ".Length)..];
                stripped = true;
            }
        }

        if (name.StartsWith('<'))
        {
            return name.ToString();
        }

        // Ruby 3.4 adds the owner ("Shop::Order#charge", "Order.create", "#<Class:0x…>#call"); older Rubies name
        // the method only. The file already names the module, so both group alike across a Ruby upgrade.
        // A separator in the last place is not one: the name is never left empty.
        var owner = name[..Math.Max(0, name.Length - 1)].LastIndexOfAny('#', '.');
        return name[(owner + 1)..].ToString();
    }
}
