using System.CommandLine;
using Vigil.Cli.Parsing;

namespace Vigil.Cli.Options;

/// <summary><c>--limit N</c>: at most N results; must be positive.</summary>
internal static class LimitOption
{
    /// <summary>Creates the option with <paramref name="defaultLimit"/>.</summary>
    public static Option<int?> Create(int defaultLimit, string what)
    {
        var option = ParsedOption.Single<int>("--limit", $"Show at most this many {what}.", "N", PositiveIntegerParser.TryParse);
        option.DefaultValueFactory = _ => defaultLimit;
        return option;
    }
}
