namespace Vigil.Model.Text;

/// <summary>
/// The one name-pattern grammar: <c>*</c> stands for any run of characters (none included) and every other character
/// stands for itself, compared ordinally (case-sensitively), so <c>shop.*</c> matches <c>shop.orders</c> and
/// <c>*.duration</c> matches <c>http.server.request.duration</c>. No regex and no other wildcard, so a name with
/// <c>?</c> or <c>[</c> in it is matched as typed. Used by the CLI's budgets and <c>vigil metrics --filter</c>, and by
/// the store's metric reads (each engine writes it as its own SQL).
/// </summary>
public static class NamePattern
{
    /// <summary>The wildcard.</summary>
    public const char Wildcard = '*';

    /// <summary>What error messages and help say is allowed.</summary>
    public const string Allowed = "a name where * stands for any text (e.g. shop.*, *.duration)";

    /// <summary>The most characters a pattern may have.</summary>
    public const int MaxLength = 1024;

    /// <summary>Why <paramref name="pattern"/> is not a pattern, or null when it is one.</summary>
    public static string? Check(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0)
        {
            return $"empty; expected {Allowed}";
        }

        if (pattern.Length > MaxLength)
        {
            return $"longer than {MaxLength} characters";
        }

        return pattern.Any(char.IsControl) ? "has control characters" : null;
    }

    /// <summary>True when <paramref name="text"/> matches <paramref name="pattern"/> as a whole.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        var parts = pattern.Split(Wildcard);
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (text.Length < parts[0].Length + parts[^1].Length
            || !text.StartsWith(parts[0], StringComparison.Ordinal)
            || !text.EndsWith(parts[^1], StringComparison.Ordinal))
        {
            return false;
        }

        // The middle parts in order, each as early as it occurs: the leftmost match leaves the most room for the rest.
        var position = parts[0].Length;
        var end = text.Length - parts[^1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        return true;
    }
}
