namespace Vigil.Mcp.Arguments;

/// <summary>
/// The bounds of every tool's answer: an assistant reads the whole of it into its context, so results are small by
/// default and can never be made large (a limit above the maximum is refused, not quietly cut).
/// </summary>
internal static class ToolLimits
{
    /// <summary>The most records, traces, groups or alerts one call returns.</summary>
    public const int MaxItems = 200;

    /// <summary>The default number of items in a list.</summary>
    public const int DefaultItems = 20;

    /// <summary>The longest log body or error message shown; the rest is cut and the cut said.</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>The most stack-trace lines an error group's detail shows.</summary>
    public const int MaxStackLines = 40;

    /// <summary>The longest text argument (a search string, a name, a comment).</summary>
    public const int MaxArgumentLength = 1_024;

    /// <summary>How many attribute filters or group-by keys one call may carry.</summary>
    public const int MaxRepeats = 16;

    /// <summary>The most series a metric query returns.</summary>
    public const int MaxSeries = 20;

    /// <summary>The most points per series a metric query may make.</summary>
    public const int MaxPoints = 500;

    /// <summary>The points per series a metric query aims at when no step is given.</summary>
    public const int DefaultPoints = 60;

    /// <summary>The most spans a trace summary lists as slowest.</summary>
    public const int MaxSlowestSpans = 50;
}
