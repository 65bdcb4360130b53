using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>The <c>ID</c> argument of <c>vigil alerts ack</c> (an alert) and <c>vigil alerts expire</c> (a silence).</summary>
internal static class AlertIdArgument
{
    /// <summary>Creates the argument; a bad id is a usage error naming <c>ID</c>.</summary>
    public static Argument<long> Create(string description, string what, string lister) => new("ID")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (IdParser.TryParse(text, what, lister, out var id, out var error))
            {
                return id;
            }

            result.AddError($"ID: {error}");
            return 0;
        },
    };
}
