using Vigil.Model.Text;

namespace Vigil.Cli.Parsing;

/// <summary>Reads a minimum log level through the grammar the query API and the server's configuration share.</summary>
internal static class LevelParser
{
    /// <summary>The names <c>--level</c> accepts, for messages and help.</summary>
    public const string Accepted = LevelGrammar.Allowed;

    /// <summary>Parses <paramref name="text"/> case-insensitively.</summary>
    public static bool TryParse(string text, out CliLogLevel level)
    {
        // CliLogLevel's values are the severity numbers the grammar yields.
        level = LevelGrammar.TryParse(text, out var severity) ? (CliLogLevel)severity : CliLogLevel.None;
        return level != CliLogLevel.None;
    }
}
