using Vigil.Model;

namespace Vigil.Cli.Parsing;

/// <summary><c>--match</c>: a label matcher in the one grammar (<see cref="LabelMatcher.TryParse"/>), the refusal naming what is allowed.</summary>
internal static class LabelMatcherParser
{
    /// <summary>How a matcher is written, for help texts and errors.</summary>
    public const string Grammar = "name=value, name!=value, name=~regex or name!~regex, the value optionally in double quotes";

    /// <summary>Parses <paramref name="text"/>.</summary>
    public static bool TryParse(string text, out LabelMatcher value, out string? error)
    {
        if (LabelMatcher.TryParse(text, out var matcher, out var problem))
        {
            value = matcher!;
            error = null;
            return true;
        }

        value = null!;
        error = $"{problem} (write {Grammar})";
        return false;
    }
}
