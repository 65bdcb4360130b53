namespace Vigil.Model.Text;

/// <summary>
/// How many edits turn one word into another, for "did you mean" suggestions: the CLI's mistyped subcommands and the
/// budget files' mistyped keys judge by the same rule.
/// </summary>
internal static class EditDistance
{
    /// <summary>
    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring letters
    /// each count one, so the usual typo "lgos" is one edit from "logs".
    /// </summary>
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1][];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i] = new int[b.Length + 1];
            d[i][0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.Length][b.Length];
    }

    /// <summary>
    /// The candidate <paramref name="typed"/> was most likely meant as (case aside), when it is at most two edits
    /// away and no more than half the candidate's length; otherwise null.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var lower = typed.ToLowerInvariant();
        var best = candidates
            .Select(c => (Name: c, Distance: Between(lower, c.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Min(2, best.Name.Length / 2) ? best.Name : null;
    }
}
