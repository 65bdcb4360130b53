namespace Vigil.Cli.Commands.Exec;

/// <summary>The command could not be started: not found (exit code 127) or not executable (126), as shells report it.</summary>
internal sealed class ChildStartException(string executable, int exitCode, string reason)
    : Exception($"{executable}: {(exitCode == ChildRunner.NotFound ? "command not found" : "cannot run it")} ({reason})")
{
    /// <summary>The exit code vigil exec returns for it.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>The executable as given.</summary>
    public string Executable { get; } = executable;
}
