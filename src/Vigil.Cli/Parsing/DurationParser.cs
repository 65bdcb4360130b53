using System.Globalization;

namespace Vigil.Cli.Parsing;

/// <summary>
/// Reads the short durations people type on a command line: <c>250ms</c>, <c>30s</c>,
/// <c>15m</c>, <c>2h</c>, <c>3d</c>, <c>1w</c>, and sums of them such as <c>1h30m</c>.
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

        long totalTicks = 0;
        var position = 0;
        while (position < span.Length)
        {
            var digitsStart = position;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                position++;
            }

            var unitStart = position;
            while (position < span.Length && char.IsAsciiLetter(span[position]))
            {
                position++;
            }

            if (digitsStart == unitStart || unitStart == position)
            {
                error = $"'{text}' is not a duration";
                return false;
            }

            var unitTicks = TicksPerUnit(span[unitStart..position]);
            if (unitTicks == 0)
            {
                error = $"'{text}' is not a duration";
                return false;
            }

            // Overflow is a user error ("99999999999w"), not a crash.
            if (!long.TryParse(span[digitsStart..unitStart], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || amount > TimeSpan.MaxValue.Ticks / unitTicks
                || totalTicks > TimeSpan.MaxValue.Ticks - (amount * unitTicks))
            {
                error = $"'{text}' is too long a duration";
                return false;
            }

            totalTicks += amount * unitTicks;
        }

        if (totalTicks == 0)
        {
            error = $"'{text}' is zero; give a duration greater than zero";
            return false;
        }

        duration = TimeSpan.FromTicks(totalTicks);
        return true;
    }

    private static long TicksPerUnit(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => TimeSpan.TicksPerMillisecond,
        "s" => TimeSpan.TicksPerSecond,
        "m" => TimeSpan.TicksPerMinute,
        "h" => TimeSpan.TicksPerHour,
        "d" => TimeSpan.TicksPerDay,
        "w" => TimeSpan.TicksPerDay * 7,
        _ => 0,
    };
}
