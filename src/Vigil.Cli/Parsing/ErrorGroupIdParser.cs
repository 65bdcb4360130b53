using System.Globalization;

namespace Vigil.Cli.Parsing;

/// <summary>Reads an error group id as <c>vigil errors</c> prints it: a whole number greater than zero (a leading <c>#</c> is allowed).</summary>
internal static class ErrorGroupIdParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out long id, out string? error)
    {
        // "#12" is how the list and show print an id; accept it when pasted back.
        var digits = text.Trim().TrimStart('#');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            id = 0;
            error = $"'{text}' is not an error group id (a number such as 12, as `vigil errors` lists them)";
            return false;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            error = $"'{text}' is too large for an error group id";
            return false;
        }

        if (id <= 0)
        {
            error = $"'{text}' is not an error group id (ids start at 1)";
            return false;
        }

        error = null;
        return true;
    }
}
