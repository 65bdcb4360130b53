using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Options;

/// <summary><c>--trace ID</c>: a W3C trace id or a prefix of one, validated and lower-cased.</summary>
internal static class TraceIdOption
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--trace")
    {
        Description = "Only records of this trace: its id (32 hex digits) or a unique start of it, 4 digits or more, as log lines show it.",
        HelpName = "ID",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (TraceIdParser.TryParse(text, out var id, out var error))
            {
                return id;
            }

            result.AddError($"--trace: {error}");
            return null;
        },
    };
}
