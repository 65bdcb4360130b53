using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Commands.Builds;

/// <summary>A build's trace id, or a unique start of one, as <c>vigil builds</c> lists it.</summary>
internal static class BuildIdArgument
{
    public static Argument<string> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
            if (TraceIdParser.TryParse(text, out var id, out var error))
            {
                return id;
            }

            result.AddError($"{name}: {error}");
            return string.Empty;
        },
    };
}
