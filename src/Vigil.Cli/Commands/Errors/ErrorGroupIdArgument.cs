using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Errors;

/// <summary>The <c>ID</c> argument of <c>vigil errors show|resolve|ignore|reopen</c>.</summary>
internal static class ErrorGroupIdArgument
{
    /// <summary>Creates the argument; a bad id is a usage error naming <c>ID</c>.</summary>
    public static Argument<long> Create() => new("ID")
    {
        Description = "The error group's id, as `vigil errors` lists it.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (ErrorGroupIdParser.TryParse(text, out var id, out var error))
            {
                return id;
            }

            result.AddError($"ID: {error}");
            return 0;
        },
    };
}
