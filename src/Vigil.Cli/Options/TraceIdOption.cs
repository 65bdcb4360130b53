using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Options;

/// <summary><c>--trace ID</c>: a W3C trace id, validated and lower-cased.</summary>
internal static class TraceIdOption
{
    /// <summary>Creates the option.</summary>
    public static Option<string?> Create() => new("--trace")
    {
        Description = "Only records of this trace (32 hex digits).",
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
