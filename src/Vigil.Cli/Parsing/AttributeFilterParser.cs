namespace Vigil.Cli.Parsing;

/// <summary>Reads <c>--where key=value</c>: attribute equality.</summary>
internal static class AttributeFilterParser
{
    /// <summary>Splits at the first <c>=</c>; the key must be non-empty, the value may be empty.</summary>
    public static bool TryParse(string text, out KeyValuePair<string, string> filter, out string? error)
    {
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0 || string.IsNullOrWhiteSpace(text[..separator]))
        {
            filter = default;
            error = $"'{text}' is not a filter (use key=value)";
            return false;
        }

        filter = new KeyValuePair<string, string>(text[..separator].Trim(), text[(separator + 1)..]);
        error = null;
        return true;
    }
}
