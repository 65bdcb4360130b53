namespace Vigil.Cli.Commands.Errors;

/// <summary>
/// Fits the <c>vigil errors</c> table to a terminal's width. What a reader scans for comes first: the error (type and
/// message), then how often and how recently (EVENTS, LAST SEEN), then where (CULPRIT, shortened from the left since its
/// end names the method). FIRST SEEN, SERVICES, STATUS and SEVERITY give way first, in that order; ID always stays, as
/// <c>vigil errors show ID</c> needs it.
/// </summary>
internal static class ErrorTableLayout
{
    /// <summary>The culprit column's header.</summary>
    public const string Culprit = "CULPRIT";

    /// <summary>A culprit shorter than this says too little to keep; the column goes instead.</summary>
    public const int MinCulpritWidth = 16;

    /// <summary>A culprit is shortened to no less than this while STATUS or SEVERITY could give way instead.</summary>
    public const int ComfortableCulpritWidth = 24;

    /// <summary>The error column wants at least this much, or all of its longest title when shorter.</summary>
    public const int MinErrorWidth = 40;

    /// <summary>Past the longest type, how much of the message the error column wants before others keep their room.</summary>
    public const int MessageWidth = 10;

    // Each step removes a column (none at first), then lets the culprit shrink down to the given width.
    private static readonly (string? Drop, int CulpritWidth)[] s_steps =
    [
        (null, ComfortableCulpritWidth),
        ("FIRST SEEN", ComfortableCulpritWidth),
        ("SERVICES", ComfortableCulpritWidth),
        ("STATUS", ComfortableCulpritWidth),
        ("SEVERITY", MinCulpritWidth),
        (Culprit, MinCulpritWidth),
    ];

    /// <summary>How wide the error column should be when the terminal allows: the whole type and the start of the message.</summary>
    public static int ErrorTarget(IEnumerable<string> types, IEnumerable<string> titles)
    {
        var longestTitle = titles.DefaultIfEmpty(string.Empty).Max(t => t.Length);
        var longestType = types.DefaultIfEmpty(string.Empty).Max(t => t.Length);
        // ": ", the start of the message, and the "…" a cut message ends with.
        return Math.Min(longestTitle, Math.Max(MinErrorWidth, longestType + 2 + MessageWidth + 1));
    }

    /// <summary>
    /// Removes columns from <paramref name="columns"/> (the error last) and shortens the culprit until the error column
    /// gets <paramref name="errorTarget"/> characters of <paramref name="width"/>, or nothing more can give way.
    /// </summary>
    public static void Fit(List<ErrorTableColumn> columns, int width, int errorTarget)
    {
        foreach (var (drop, culpritWidth) in s_steps)
        {
            if (drop is not null)
            {
                columns.RemoveAll(c => c.Header.TrimStart('>') == drop);
            }

            var room = width - OthersWidth(columns);
            if (room >= errorTarget)
            {
                return;
            }

            if (columns.Find(c => c.Header == Culprit) is { } culprit && culprit.Width - (errorTarget - room) is var shorter && shorter >= culpritWidth)
            {
                for (var i = 0; i < culprit.Cells.Count; i++)
                {
                    culprit.Cells[i] = (ListErrorsHandler.TruncateStart(culprit.Cells[i].Text, shorter), culprit.Cells[i].Style);
                }

                return;
            }
        }
    }

    // Every column but the last (the error), with the two-space gaps between all of them.
    private static int OthersWidth(List<ErrorTableColumn> columns) =>
        columns.Take(columns.Count - 1).Sum(c => c.Width) + (2 * (columns.Count - 1));
}
