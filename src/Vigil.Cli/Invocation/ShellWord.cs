namespace Vigil.Cli.Invocation;

/// <summary>One word of a command line as a user pastes it into a shell: quoted only when it has to be.</summary>
internal static class ShellWord
{
    /// <summary>
    /// <paramref name="word"/> as is when every character is safe unquoted in any shell; otherwise in single quotes
    /// on POSIX (nothing is special inside them; a quote is closed, escaped and reopened) and in double quotes on
    /// Windows, where cmd and PowerShell both keep a double-quoted path in one piece.
    /// </summary>
    public static string Quote(string word, bool windows)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        return windows ? "\"" + word + "\"" : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary><see cref="Quote(string, bool)"/> for the shell of this operating system.</summary>
    public static string Quote(string word) => Quote(word, OperatingSystem.IsWindows());

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or '%' or ',' or '=' || (c == '\\' && OperatingSystem.IsWindows());
}
