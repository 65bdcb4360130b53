using System.Globalization;

namespace Vigil.Cli.Parsing;

/// <summary>Reads counts such as <c>--limit</c>: whole numbers greater than zero.</summary>
internal static class PositiveIntegerParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out int value, out string? error)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            error = text.Length > 0 && text.All(char.IsAsciiDigit)
                ? $"'{text}' is too large (at most {int.MaxValue})"
                : $"'{text}' is not a whole number";
            return false;
        }

        if (value <= 0)
        {
            error = $"'{text}' must be greater than zero";
            return false;
        }

        error = null;
        return true;
    }
}
