using Vigil.Model.Text;

namespace Vigil.Cli.Parsing;

/// <summary>
/// Reads the short durations people type on a command line through the grammar the server's configuration
/// shares (<see cref="DurationGrammar"/>: <c>250ms</c>, <c>30s</c>, <c>1h30m</c>, <c>1.5h</c>, <c>1w</c>), and keeps
/// the CLI's own range: above zero.
/// </summary>
internal static class DurationParser
{
    /// <summary>What to tell the user when a value is not a duration.</summary>
    public const string Hint = "use 15m, 2h, 3d or an ISO 8601 timestamp";

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="error"/> says why, without
    /// naming the option (the caller knows it).
    /// </summary>
    public static bool TryParse(string text, out TimeSpan duration, out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            error = "a duration is required";
            return false;
        }

        if (span[0] == '-')
        {
            error = $"'{text}' is negative; durations count back from now, so give a positive value";
            return false;
        }

        switch (DurationGrammar.Parse(span, out duration))
        {
            case DurationParseResult.Malformed:
                error = $"'{text}' is not a duration";
                return false;
            case DurationParseResult.TooLong:
                // Overflow is a user error ("99999999999w"), not a crash.
                error = $"'{text}' is too long a duration";
                return false;
        }

        // Zero is in the grammar, but a window or a step of nothing is not a duration the CLI can use.
        if (duration == TimeSpan.Zero)
        {
            error = $"'{text}' is zero; give a duration greater than zero";
            return false;
        }

        return true;
    }
}
