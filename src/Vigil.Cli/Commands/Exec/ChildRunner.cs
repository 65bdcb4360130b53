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
        Task<IOutputLineRecorder?> recorder,
        OutputRecordLimit limit,
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

        PipeCapacity.TryWiden(process.StandardOutput.BaseStream);
        PipeCapacity.TryWiden(process.StandardError.BaseStream);

        // Not recording (the store could not be opened): the output still passes through; lines are only counted.
        var stdoutRecord = RecordAsync(recorder, fromStandardError: false, limit);
        var stderrRecord = RecordAsync(recorder, fromStandardError: true, limit);
        var stdout = new OutputPump(process.StandardOutput.BaseStream, streams.Output, AssemblerAsync(stdoutRecord), () => HeadRecorded(stdoutRecord));
        var stderr = new OutputPump(process.StandardError.BaseStream, streams.Error, AssemblerAsync(stderrRecord), () => HeadRecorded(stderrRecord));
        var stdoutDone = stdout.RunAsync();
        var stderrDone = stderr.RunAsync();

        await using (cancellationToken.Register(() => PosixSignals.Send(process.Id, PosixSignals.Terminate)).ConfigureAwait(false))
        {
            // The child's exit code is the point of the run: wait for it whatever vigil was asked to do meanwhile.
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(stdoutDone, stderrDone).ConfigureAwait(false);
        }

        // The command is over when its output is: what follows is vigil's own work (the record), not the command's.
        var ended = Stopwatch.GetTimestamp();
        await Task.WhenAll(stdout.Recorded, stderr.Recorded).ConfigureAwait(false);

        var resources = ChildResourceUsage.Read();
        var stdoutRecorded = await stdoutRecord.ConfigureAwait(false);
        var stderrRecorded = await stderrRecord.ConfigureAwait(false);
        return new ChildRun(
            process.ExitCode,
            stdout.Bytes + stderr.Bytes,
            stdout.Lines + stderr.Lines,
            (stdoutRecorded?.ErrorLines ?? 0) + (stderrRecorded?.ErrorLines ?? 0),
            NotRecorded(stdout, stdoutRecorded) + NotRecorded(stderr, stderrRecorded),
            stdout.BytesNotRecorded + stderr.BytesNotRecorded,
            resources,
            ended);
    }

    private static async Task<OutputStreamRecord?> RecordAsync(Task<IOutputLineRecorder?> recorder, bool fromStandardError, OutputRecordLimit limit) =>
        await recorder.ConfigureAwait(false) is { } started ? new OutputStreamRecord(started, fromStandardError, limit) : null;

    private static async Task<LineAssembler?> AssemblerAsync(Task<OutputStreamRecord?> record) =>
        await record.ConfigureAwait(false) is { } started ? new LineAssembler(started.Line, started.Complete) : null;

    private static bool HeadRecorded(Task<OutputStreamRecord?> record) =>
        record.IsCompletedSuccessfully && record.Result is { PastHead: true };

    // Counted against the lines the copy saw, so the lines lost when the recorder fell behind are in it too.
    private static long NotRecorded(OutputPump pump, OutputStreamRecord? record) =>
        record is null ? 0 : Math.Max(0, pump.Lines - record.LinesRecorded);
}
