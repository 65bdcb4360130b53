using System.Buffers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The level of one line of a command's output: stderr is a warning, stdout information, and a line that reads like a
/// compiler or test failure, or the first line of a stack trace, is an error whichever stream it came on
/// (a compiler warning is a warning on stdout too).
/// </summary>
internal static partial class OutputLineClassifier
{
    // Every alternative of the two patterns below contains one of these words, so a line with none of them matches
    // neither: one vectorised scan settles most lines of a large output without running a regex (ordinal, as the
    // patterns are). A pattern added below must keep a word of it here.
    private static readonly SearchValues<string> s_clues = SearchValues.Create(
        ["rror", "FAIL", "ailed", "nhandled", "ncaught", "xception", "raceback", "panic", "arning"],
        StringComparison.Ordinal);

    /// <summary>The level of <paramref name="line"/> (ANSI escapes already removed).</summary>
    public static LogLevel Classify(ReadOnlySpan<char> line, bool fromStandardError) => Level(Notable(line), fromStandardError);

    /// <summary>The level of a line whose <see cref="Notable"/> answer is <paramref name="notable"/>.</summary>
    public static LogLevel Level(LogLevel notable, bool fromStandardError) => notable switch
    {
        LogLevel.None => fromStandardError ? LogLevel.Warning : LogLevel.Information,
        _ => notable,
    };

    /// <summary>
    /// <see cref="LogLevel.Error"/> for a failure line, <see cref="LogLevel.Warning"/> for a compiler warning, and
    /// <see cref="LogLevel.None"/> for any other line, whichever stream it came on: the lines worth keeping when a
    /// large output is not recorded whole.
    /// </summary>
    public static LogLevel Notable(ReadOnlySpan<char> line)
    {
        if (!line.ContainsAny(s_clues))
        {
            return LogLevel.None;
        }

        // The patterns run without backtracking, so a hostile line costs time linear in its length and no match
        // can time out (a timeout would make a line's level depend on how loaded the machine is).
        if (ErrorLine().IsMatch(line))
        {
            return LogLevel.Error;
        }

        return WarningLine().IsMatch(line) ? LogLevel.Warning : LogLevel.None;
    }

    // MSBuild and compilers ("Program.cs(3,5): error CS1002:", "error MSB4018:", "error TS2304:", "error[E0308]"),
    // test runners ("FAIL", "Failed Name [12 ms]", "--- FAIL:", "FAILED"), and a stack trace's first line
    // (.NET "Unhandled exception.", "System.InvalidOperationException: ...", Java "Exception in thread", Python
    // "Traceback (most recent call last):", Go "panic:", JavaScript "TypeError: ...").
    [GeneratedRegex(
        @"(\berror [A-Z]{1,8}\d{2,6}\b|\berror\[E\d{4}\]|^\s*(FAIL|FAILED)\b|^\s*--- FAIL:|^\s*Failed [^\s]|^\s*Unhandled exception\b|^\s*Exception in thread |^Traceback \(most recent call last\):|^panic: |^\s*(Unhandled|Uncaught) |^\s*([A-Za-z_][\w]*\.)+[A-Z]\w*(Exception|Error)(: |$)|^\s*(TypeError|ReferenceError|SyntaxError|RangeError|Error): )",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\bwarning [A-Z]{1,8}\d{2,6}\b", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex WarningLine();
}
