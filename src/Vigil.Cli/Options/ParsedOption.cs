using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Options;

/// <summary>
/// Builds options whose values go through our own parsers, so every bad value is reported
/// the same way: <c>--name: 'value' is not ... (hint)</c>.
/// </summary>
internal static class ParsedOption
{
    /// <summary>An option taking one value, <c>null</c> when absent.</summary>
    public static Option<T?> Single<T>(string name, string description, string helpName, TryParseValue<T> parse)
        where T : struct =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (parse(text, out var value, out var error))
                {
                    return value;
                }

                result.AddError($"{name}: {error}");
                return null;
            },
        };

    /// <summary>An option that may be repeated; each value is parsed on its own.</summary>
    public static Option<IReadOnlyList<T>> Repeated<T>(string name, string description, string helpName, TryParseValue<T> parse) =>
        new(name)
        {
            Description = description,
            HelpName = helpName,
            Arity = ArgumentArity.ZeroOrMore,
            DefaultValueFactory = _ => [],
            CustomParser = result =>
            {
                var values = new List<T>(result.Tokens.Count);
                foreach (var token in result.Tokens)
                {
                    if (!parse(token.Value, out var value, out var error))
                    {
                        result.AddError($"{name}: {error}");
                        return [];
                    }

                    values.Add(value);
                }

                return values;
            },
        };
}
