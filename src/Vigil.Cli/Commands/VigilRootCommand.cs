using System.CommandLine;
using System.CommandLine.Help;
using Vigil.Cli.Help;

namespace Vigil.Cli.Commands;

/// <summary>The <c>vigil</c> command itself.</summary>
/// <remarks>
/// Not a <see cref="RootCommand"/>: that takes its name from the entry assembly (Vigil.Cli, which
/// cannot be "vigil" beside the SDK's Vigil.dll), and help must say <c>vigil</c>. So the root is a
/// plain command named <c>vigil</c> with the help and version options a root command would add.
/// </remarks>
internal sealed class VigilRootCommand : Command, IHaveExamples
{
    /// <summary>Creates the root; subcommands are added by the composition root.</summary>
    public VigilRootCommand()
        : base("vigil", "Read the logs, traces, metrics, errors and health your .NET applications recorded with Vigil.")
    {
        Options.Add(new HelpOption());
        Options.Add(new VersionOption());
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil logs --since 15m --level warn",
        "vigil traces --errors",
        "vigil errors --severity high",
        "vigil health --watch",
        "vigil metrics http.server.request.duration --by http.route",
        "vigil --version",
    ];
}
