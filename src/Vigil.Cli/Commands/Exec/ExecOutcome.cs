using Vigil.Storage.Builds;
namespace Vigil.Cli.Commands.Exec;

/// <summary>How a run ended, as recorded: the exit code vigil returns, the wall time, and the child's figures when it started.</summary>
internal sealed record ExecOutcome(int ExitCode, TimeSpan Duration, ChildRun? Run)
{
    /// <summary>The CI/CD conventions' task result: success, failure (a non-zero exit), or error (it never started).</summary>
    public string Result => Run is null ? ExecSemantics.Error : ExitCode == 0 ? ExecSemantics.Success : ExecSemantics.Failure;
}
