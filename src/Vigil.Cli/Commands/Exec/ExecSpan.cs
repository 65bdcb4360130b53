using System.Diagnostics;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Exec;

/// <summary>The attributes and status of a finished run's span (names in <see cref="ExecSemantics"/>).</summary>
internal static class ExecSpan
{
    public static void Complete(Activity span, ExecCommandLine command, ExecOutcome outcome, string workingDirectory, GitState? git, CiEnvironment? ci)
    {
        span.SetTag(ExecSemantics.TaskName, command.Name);
        span.SetTag(ExecSemantics.TaskResult, outcome.Result);
        span.SetTag(ExecSemantics.ExecutableName, Path.GetFileName(command.Executable));
        span.SetTag(ExecSemantics.Command, command.Executable);
        span.SetTag(ExecSemantics.CommandArgs, command.RedactedArguments.ToArray());
        span.SetTag(ExecSemantics.CommandLine, command.RedactedText);
        span.SetTag(ExecSemantics.WorkingDirectory, workingDirectory);
        span.SetTag(ExecSemantics.ExitCode, outcome.ExitCode);
        if (outcome.Run is { } run)
        {
            span.SetTag(ExecSemantics.OutputBytes, run.OutputBytes);
            span.SetTag(ExecSemantics.OutputLines, run.OutputLines);
            span.SetTag(ExecSemantics.ErrorLines, run.ErrorLines);
            if (run.OutputLinesNotRecorded > 0)
            {
                span.SetTag(ExecSemantics.OutputLinesNotRecorded, run.OutputLinesNotRecorded);
            }

            if (run.OutputBytesNotRecorded > 0)
            {
                span.SetTag(ExecSemantics.OutputBytesNotRecorded, run.OutputBytesNotRecorded);
            }

            if (run.Resources is { } resources)
            {
                span.SetTag(ExecSemantics.CpuTimeSeconds, resources.CpuTime.TotalSeconds);
                span.SetTag(ExecSemantics.PeakMemoryBytes, resources.PeakMemoryBytes);
            }
        }

        if (git is not null)
        {
            span.SetTag(ExecSemantics.Branch, git.Branch);
            span.SetTag(ExecSemantics.Revision, git.Commit);
            span.SetTag(ExecSemantics.Dirty, git.Dirty);
        }

        if (ci is not null)
        {
            span.SetTag(ExecSemantics.CiProvider, ci.Provider);
            span.SetTag(ExecSemantics.PipelineRunId, ci.RunId);
            span.SetTag(ExecSemantics.PipelineName, ci.PipelineName);
        }

        if (outcome.ExitCode != 0)
        {
            span.SetStatus(ActivityStatusCode.Error, outcome.Run is null ? "the command did not start" : $"exit code {outcome.ExitCode}");
        }
    }
}
