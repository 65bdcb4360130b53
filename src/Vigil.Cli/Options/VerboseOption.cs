using System.CommandLine;

namespace Vigil.Cli.Options;

/// <summary><c>--verbose</c>: on a failure, print the stack trace as well as the one-line message.</summary>
internal static class VerboseOption
{
    /// <summary>Creates the option; it is recursive so it works after any subcommand.</summary>
    public static Option<bool> Create() => new("--verbose", "-v")
    {
        Description = "Show details on failure (the full exception and stack trace).",
        Recursive = true,
    };
}
