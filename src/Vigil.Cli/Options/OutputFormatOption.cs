using System.CommandLine;
using Spectre.Console;

namespace Vigil.Cli.Options;

/// <summary>
/// <c>--json</c> (one JSON object per line, for scripts) and <c>--no-color</c>.
/// Colour is used only when stdout is an ANSI terminal, <c>NO_COLOR</c> is unset
/// or empty (https://no-color.org) and <c>--no-color</c> is absent.
/// </summary>
internal sealed class OutputFormatOption
{
    /// <summary>The <c>--json</c> option.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Write one JSON object per line instead of text for humans." };

    /// <summary>The <c>--no-color</c> option.</summary>
    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Never colour the output (also when NO_COLOR is set)." };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(NoColor);
    }

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool IsJson(ParseResult parseResult) => parseResult.GetValue(Json);

    /// <summary>Whether human output may be coloured.</summary>
    public bool UseColor(ParseResult parseResult, CliContext context)
    {
        // https://no-color.org: only a non-empty NO_COLOR turns colour off (an empty one is how a shell unsets it for
        // one command), as docs/cli.md and the SDK's console sink read it.
        if (parseResult.GetValue(NoColor) || !string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")))
        {
            return false;
        }

        var capabilities = context.Stdout.Profile.Capabilities;
        return capabilities.Ansi && capabilities.ColorSystem != ColorSystem.NoColors;
    }
}
