using System.Globalization;

namespace Vigil.Cli.Parsing;

/// <summary>
/// Reads a store id as the lists print it: a whole number greater than zero (a leading <c>#</c> is allowed), for error
/// groups, alerts and silences alike; the error names what the id is and which command lists them.
/// </summary>
internal static class IdParser
{
    /// <summary>Parses <paramref name="text"/> as <paramref name="what"/> (<c>an error group id</c>), listed by <paramref name="lister"/>.</summary>
    public static bool TryParse(string text, string what, string lister, out long id, out string? error)
    {
        // "#12" is how lists print an id; accept it when pasted back.
        var digits = text.Trim().TrimStart('#');
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            id = 0;
            error = $"'{text}' is not {what} (a number such as 12, as `{lister}` lists them)";
            return false;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            error = $"'{text}' is too large for {what}";
            return false;
        }

        if (id <= 0)
        {
            error = $"'{text}' is not {what} (ids start at 1)";
            return false;
        }

        error = null;
        return true;
    }
}
