using System.CommandLine;

namespace Vigil.Cli.Commands;

/// <summary>The <c>vigil</c> command itself.</summary>
internal sealed class VigilRootCommand : RootCommand, IHaveExamples
{
    /// <summary>Creates the root; subcommands are added by the composition root.</summary>
    public VigilRootCommand()
        : base("Read the logs, traces and metrics your .NET applications recorded with Vigil.")
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil logs --since 15m --level warn",
        "vigil traces --errors",
        "vigil metrics http.server.request.duration --by http.route",
        "vigil --version",
    ];
}
