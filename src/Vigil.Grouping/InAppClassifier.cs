namespace Vigil.Grouping;

/// <summary>Decides whether a frame is application code (it shapes the group) or platform and library code (it does not).</summary>
internal static class InAppClassifier
{
    /// <summary>Include prefixes win, then exclude prefixes, then the format's own hint; otherwise the frame is in-app.</summary>
    public static bool IsInApp(ParsedFrame frame, FingerprintOptions options)
    {
        if (StartsWithAny(frame.Name, options.InAppIncludePrefixes))
        {
            return true;
        }

        return !StartsWithAny(frame.Name, options.InAppExcludePrefixes) && frame.InAppHint != false;
    }

    private static bool StartsWithAny(string name, IReadOnlyList<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
