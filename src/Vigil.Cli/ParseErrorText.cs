using Vigil.Model.Text;
using System.CommandLine;

namespace Vigil.Cli;

/// <summary>The one line a command line the parser refused is reported with.</summary>
internal static class ParseErrorText
{
    /// <summary>
    /// The parser's first error, except for an unknown option in front of a value on a command with an argument
    /// (<c>vigil traces --until 1h</c>): the option is taken for the argument, and the parser then names the value
    /// ("Unrecognized command or argument '1h'"), not the option the user mistyped.
    /// </summary>
    public static string Describe(ParseResult parseResult, IReadOnlyList<string> args, string commandName)
    {
        foreach (var unmatched in parseResult.UnmatchedTokens)
        {
            var index = IndexOf(args, unmatched);
            if (index > 0 && UnknownOption(parseResult.CommandResult.Command, args[index - 1]) is { } option)
            {
                return $"Unrecognized option '{option}' (see {commandName} {CommandPath(parseResult.CommandResult.Command)} --help)";
            }
        }

        if (Suggestion(parseResult) is { } suggestion)
        {
            var path = CommandPath(parseResult.CommandResult.Command);
            return $"Unrecognized command '{suggestion.Typed}': did you mean '{suggestion.Name}'? (see {commandName}{(path.Length == 0 ? string.Empty : " " + path)} --help)";
        }

        return parseResult.Errors[0].Message;
    }

    // "vigil lgos": a word where a subcommand goes that is one or two edits from one of them (git's "did you mean").
    private static (string Typed, string Name)? Suggestion(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command.Subcommands.Count == 0 || parseResult.UnmatchedTokens.Count == 0 || parseResult.UnmatchedTokens[0] is not { Length: > 0 } typed || typed.StartsWith('-'))
        {
            return null;
        }

        var best = EditDistance.Nearest(typed, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        return best is null ? null : (typed, best);
    }

    private static int IndexOf(IReadOnlyList<string> args, string token)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == token)
            {
                return i;
            }
        }

        return -1;
    }

    // A "--name" (or "--name=value") that neither the command nor a parent defines.
    private static string? UnknownOption(Command command, string text)
    {
        if (text.Length <= 2 || !text.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        // A parent's option counts only when it applies to its subcommands too (--verbose, --help): "errors" has
        // --until, "errors resolve" does not.
        var name = text.Split('=', 2)[0];
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
        {
            if (current.Options.Any(o => (current == command || o.Recursive) && (o.Name == name || o.Aliases.Contains(name))))
            {
                return null;
            }
        }

        return name;
    }

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command current && current.Parents.Any(); symbol = current.Parents.FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return string.Join(' ', names);
    }
}
