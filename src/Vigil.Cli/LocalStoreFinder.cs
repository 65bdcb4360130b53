namespace Vigil.Cli;

/// <summary>
/// Finds the local stores below a folder, for the "no store here" message: an application run with
/// <c>dotnet run --project</c> writes <c>.vigil/</c> in its project folder, not where the user stands.
/// Bounded, so a command run from a home directory does not walk the disk.
/// </summary>
internal static class LocalStoreFinder
{
    /// <summary>How many folders deep below the start the search looks.</summary>
    public const int MaxDepth = 4;

    /// <summary>How many stores are listed at most.</summary>
    public const int MaxResults = 5;

    // Build output, packages and version control never hold a store worth pointing at, and are big.
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git" };

    /// <summary>The <c>.vigil/*.db</c> files below <paramref name="root"/>, relative to it, nearest first.</summary>
    public static IReadOnlyList<string> Find(string root)
    {
        var found = new List<string>();
        var level = new List<string> { root };
        for (var depth = 0; depth <= MaxDepth && level.Count > 0 && found.Count < MaxResults; depth++)
        {
            var next = new List<string>();
            foreach (var directory in level)
            {
                foreach (var child in Children(directory))
                {
                    var name = Path.GetFileName(child);
                    if (string.Equals(name, ".vigil", StringComparison.Ordinal))
                    {
                        found.AddRange(Stores(child).Select(store => Path.GetRelativePath(root, store)));
                    }
                    else if (!s_skipped.Contains(name))
                    {
                        next.Add(child);
                    }
                }
            }

            level = next;
        }

        return found.Take(MaxResults).ToList();
    }

    private static string[] Children(string directory)
    {
        try
        {
            var children = Directory.GetDirectories(directory);
            Array.Sort(children, StringComparer.Ordinal);
            return children;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }

    private static string[] Stores(string directory)
    {
        try
        {
            var files = Directory.GetFiles(directory, "*.db");
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            return [];
        }
    }
}
