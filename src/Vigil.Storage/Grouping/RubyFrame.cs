using System.Text.RegularExpressions;

namespace Vigil.Storage;

/// <summary>
/// One Ruby backtrace location, <c>/app/models/order.rb:42:in 'Order#charge'</c> (Ruby 3.4) or
/// <c>/app/models/order.rb:42:in `charge'</c> (before), reduced to <c>file.method</c>.
/// </summary>
internal static partial class RubyFrame
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
            frame = new ParsedFrame(Module(file) + "." + Function(line[(open + 1)..close]), InAppHint(file));
            rest = line[(close + 1)..];
            return true;
        }

        return false;
    }

    private static string Module(string file)
    {
        var path = file.Replace('\\', '/');
        if (path.StartsWith('<'))
        {
            return path; // <internal:kernel>
        }

        if (path.StartsWith("(eval", StringComparison.Ordinal))
        {
            return "(eval)"; // "(eval at /app/x.rb:3)" names where eval ran, with its line.
        }

        var gems = path.LastIndexOf("/gems/", StringComparison.Ordinal);
        if (gems >= 0)
        {
            // "actionpack-7.1.3/lib/action_controller/metal.rb": the gem without its version, then its own path.
            var gem = path[(gems + "/gems/".Length)..];
            var slash = gem.IndexOf('/');
            var name = slash >= 0 ? gem[..slash] : gem;
            var inside = slash >= 0 ? gem[(slash + 1)..] : "";
            inside = inside.StartsWith("lib/", StringComparison.Ordinal) ? inside[4..] : inside;
            return WithoutExtension(GemName(name) + "/" + inside);
        }

        var standard = StandardLibraryRegex().Match(path);
        if (standard.Success)
        {
            return WithoutExtension(path[(standard.Index + standard.Length)..]);
        }

        // Deployments move the root (/app, /srv/app/releases/20250101): the file name is what stays.
        return WithoutExtension(path[(path.LastIndexOf('/') + 1)..]);
    }

    private static string GemName(string directory)
    {
        for (var dash = directory.IndexOf('-'); dash > 0; dash = directory.IndexOf('-', dash + 1))
        {
            if (dash + 1 < directory.Length && char.IsAsciiDigit(directory[dash + 1]))
            {
                return directory[..dash];
            }
        }

        return directory;
    }

    private static string WithoutExtension(string path) => path.EndsWith(".rb", StringComparison.Ordinal) ? path[..^3] : path;

    /// <summary>The method: <c>block (2 levels) in Order#charge</c> → <c>charge</c>; <c>&lt;main&gt;</c>, <c>&lt;class:Order&gt;</c> stay.</summary>
    private static string Function(string label)
    {
        var name = label;
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
            return name;
        }

        // Ruby 3.4 adds the owner ("Shop::Order#charge", "Order.create", "#<Class:0x…>#call"); older Rubies name
        // the method only. The file already names the module, so both group alike across a Ruby upgrade.
        // A separator in the last place is not one: the name is never left empty.
        var owner = name.AsSpan(0, Math.Max(0, name.Length - 1)).LastIndexOfAny('#', '.');
        return owner >= 0 ? name[(owner + 1)..] : name;
    }

    private static bool InAppHint(string file) =>
        !(file.Contains("/gems/", StringComparison.Ordinal)
            || file.Contains("/vendor/bundle/", StringComparison.Ordinal)
            || file.Contains("/site_ruby/", StringComparison.Ordinal)
            || file.Contains("/vendor_ruby/", StringComparison.Ordinal)
            || file.StartsWith("<internal:", StringComparison.Ordinal)
            || StandardLibraryRegex().IsMatch(file));

    // The standard library: /usr/local/lib/ruby/3.3.0/net/http.rb.
    [GeneratedRegex(@"/ruby/\d+\.\d+\.\d+/", RegexOptions.CultureInvariant)]
    private static partial Regex StandardLibraryRegex();
}
