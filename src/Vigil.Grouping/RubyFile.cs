using System.Text.RegularExpressions;

namespace Vigil.Grouping;

/// <summary>A Ruby backtrace's file: the module it names, and whether it is the application's.</summary>
internal static partial class RubyFile
{
    /// <summary>The file name without <c>.rb</c>; for a gem, the gem without its version and its own path; for the standard library, the path inside it.</summary>
    public static string Module(string file)
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

    /// <summary>False under a gem, the standard library or the VM's own <c>&lt;internal:…&gt;</c> code.</summary>
    public static bool IsInApp(string file) =>
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
