using System.Globalization;

namespace Vigil.Model.Text;

/// <summary>
/// The one grammar for short durations, shared by the CLI's options and the server's configuration: one or more
/// terms of a number and a unit, with no spaces between, such as <c>250ms</c>, <c>90s</c>, <c>1h30m</c>, <c>1.5h</c>,
/// <c>3d</c> or <c>1w</c>. Units are <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> and <c>w</c>, lower case
/// (<c>M</c> could as well be months). Which range makes sense (above zero, at most a day) is the caller's check,
/// not the grammar's.
/// </summary>
public static class DurationGrammar
{
    /// <summary>What error messages and help say is allowed; callers add their own range.</summary>
    public const string Allowed = "a number and a unit, ms, s, m, h, d or w, or a sum of them, to 100 ns (e.g. 500ms, 90s, 1h30m, 1.5h, 1w)";

    private static readonly (string Unit, long Ticks)[] s_units =
    [
        ("d", TimeSpan.TicksPerDay),
        ("h", TimeSpan.TicksPerHour),
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
        ("ms", TimeSpan.TicksPerMillisecond),
    ];

    /// <summary>
    /// The grammar's own short form of a duration (<c>5m</c>, <c>1h</c>, <c>3d</c>, <c>30d</c>) for labels, listings and
    /// messages: the largest unit that divides it exactly, else milliseconds with a fraction, so the text reads back
    /// through <see cref="TryParse"/> to the same duration.
    /// </summary>
    /// <param name="duration">A duration of zero or more.</param>
    /// <returns>Its text.</returns>
    public static string Format(TimeSpan duration)
    {
        foreach (var (unit, ticks) in s_units)
        {
            if (duration.Ticks >= ticks && duration.Ticks % ticks == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{duration.Ticks / ticks}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.####}ms");
    }

    /// <summary>Reads a duration; false for anything outside the grammar, negative numbers included.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan duration) => Parse(text, out duration) == DurationParseResult.Parsed;

    /// <summary>Reads a duration, saying whether a failure was the form or a total past <see cref="TimeSpan.MaxValue"/>.</summary>
    public static DurationParseResult Parse(ReadOnlySpan<char> text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var span = text.Trim();
        if (span.IsEmpty)
        {
            return DurationParseResult.Malformed;
        }

        decimal totalTicks = 0;
        var tooLong = false;
        var position = 0;
        while (position < span.Length)
        {
            var numberStart = position;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                position++;
            }

            var wholeEnd = position;
            if (position < span.Length && span[position] == '.')
            {
                position++;
                while (position < span.Length && char.IsAsciiDigit(span[position]))
                {
                    position++;
                }

                // Digits on both sides of the point: ".5h" and "5.h" are more likely typing slips than intent.
                if (position == wholeEnd + 1)
                {
                    return DurationParseResult.Malformed;
                }
            }

            var unitStart = position;
            while (position < span.Length && char.IsAsciiLetter(span[position]))
            {
                position++;
            }

            var unitTicks = TicksPerUnit(span[unitStart..position]);
            if (wholeEnd == numberStart || unitTicks == 0)
            {
                return DurationParseResult.Malformed;
            }

            // Too many digits for a decimal, or a term past the largest TimeSpan, is a duration too long (not a
            // crash); the rest of the text is still read, so "99999999999999999999999999999x" stays malformed.
            if (tooLong
                || !decimal.TryParse(span[numberStart..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || amount > TimeSpan.MaxValue.Ticks / (decimal)unitTicks)
            {
                tooLong = true;
                continue;
            }

            // No fractions of a tick (100 ns): the store works in ticks, and rounding would turn 0.00001ms into zero.
            var ticks = amount * unitTicks;
            if (ticks != decimal.Truncate(ticks))
            {
                return DurationParseResult.Malformed;
            }

            totalTicks += ticks;
            tooLong = totalTicks > TimeSpan.MaxValue.Ticks;
        }

        if (tooLong)
        {
            return DurationParseResult.TooLong;
        }

        duration = TimeSpan.FromTicks((long)totalTicks);
        return DurationParseResult.Parsed;
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
