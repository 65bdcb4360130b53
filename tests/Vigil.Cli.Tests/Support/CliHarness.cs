using Spectre.Console;
using Spectre.Console.Testing;

namespace Vigil.Cli.Tests.Support;

/// <summary>Runs vigil in-process through its composition root with a TestConsole.</summary>
internal sealed class CliHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public FixedClock Clock { get; } = new(Now);

    /// <summary>When true the console claims an ANSI terminal with colours, and stdout is a terminal (not redirected).</summary>
    public bool Terminal { get; set; }

    public int Width { get; set; } = 120;

    /// <summary>How the commands vigil prints spell it (the real process works it out from its executable and PATH).</summary>
    public string CommandName { get; set; } = "vigil";

    /// <summary>Whether the console can show Unicode (true for any UTF-8 terminal).</summary>
    public bool Unicode { get; set; } = true;

    /// <summary>The folder the command runs in (relative store paths, the stores it lists); the process's when null.</summary>
    public string? CurrentDirectory { get; set; }

    /// <summary>Whether the console draws live displays (progress bars), as a terminal a person watches does.</summary>
    public bool Interactive { get; set; }

    public async Task<CliRun> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(Width).SupportsUnicode(Unicode);
        if (Interactive)
        {
            console.Interactive();
        }

        if (Terminal)
        {
            console.EmitAnsiSequences().Colors(ColorSystem.TrueColor);
        }

        using var stderr = new StringWriter();
        var context = new CliContext(console, stderr, Environment, Clock) { StdoutIsTerminal = Terminal, CurrentDirectory = CurrentDirectory ?? Directory.GetCurrentDirectory(), CommandName = CommandName };
        var exitCode = await VigilCli.RunAsync(args, context);
        return new CliRun(exitCode, console.Output, stderr.ToString());
    }
}
