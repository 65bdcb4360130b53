using System.ComponentModel;
using System.Diagnostics;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Runs the command: stdin is inherited (the child reads vigil's own, untouched), stdout and stderr are pumped
/// through byte for byte, and a cancellation of vigil (SIGTERM, Ctrl-C) is passed on as SIGTERM, after which vigil
/// still waits for the child's own exit code.
/// </summary>
internal static class ChildRunner
{
    /// <summary>The shell's exit code for a command that is not found.</summary>
    public const int NotFound = 127;

    /// <summary>The shell's exit code for a command that is found but cannot be run.</summary>
    public const int NotExecutable = 126;

    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int ENOEXEC = 8;

    /// <summary>
    /// Runs <paramref name="command"/>; throws <see cref="ChildStartException"/> when it cannot start (with the
    /// shell's exit code for the reason).
    /// </summary>
    public static async Task<ChildRun> RunAsync(
        ExecCommandLine command,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        ExecStreams streams,
        Action<string, bool> line,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command.Executable, command.Arguments)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        ChildEnvironment.CopyTo(start, environment);

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ChildStartException(command.Executable, e.NativeErrorCode switch
            {
                ENOENT => NotFound,
                EACCES or ENOEXEC => NotExecutable,
                _ => NotExecutable,
            }, e.Message);
        }

        var stdoutLines = new LineAssembler(text => line(text, false));
        var stderrLines = new LineAssembler(text => line(text, true));
        var stdout = new OutputPump(process.StandardOutput.BaseStream, streams.Output, stdoutLines);
        var stderr = new OutputPump(process.StandardError.BaseStream, streams.Error, stderrLines);
        var stdoutDone = stdout.RunAsync();
        var stderrDone = stderr.RunAsync();

        await using (cancellationToken.Register(() => PosixSignals.Send(process.Id, PosixSignals.Terminate)).ConfigureAwait(false))
        {
            // The child's exit code is the point of the run: wait for it whatever vigil was asked to do meanwhile.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(stdoutDone, stderrDone).ConfigureAwait(false);
        }

        var resources = ChildResourceUsage.Read();
        return new ChildRun(
            process.ExitCode,
            stdout.Bytes + stderr.Bytes,
            stdoutLines.Lines + stderrLines.Lines,
            stdout.BytesNotRecorded + stderr.BytesNotRecorded,
            resources);
    }
}
