using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Widens the pipes the child writes its output into (Linux's <c>F_SETPIPE_SZ</c>). With the default 64 KiB a fast
/// writer fills the pipe between two of vigil's reads and waits; with 1 MiB it keeps writing while vigil copies, and
/// each read moves more, so the output passes through closer to the pace of a plain pipe between two programs.
/// </summary>
internal static partial class PipeCapacity
{
    /// <summary>The capacity asked for; an unprivileged process may raise a pipe up to /proc/sys/fs/pipe-max-size (1 MiB by default).</summary>
    public const int Bytes = 1024 * 1024;

    private const int F_SETPIPE_SZ = 1031;

    /// <summary>Asks for <see cref="Bytes"/> on <paramref name="stream"/>'s pipe; false when not Linux or refused (the default then stays).</summary>
    public static bool TryWiden(Stream stream)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe)
        {
            return false;
        }

        var handle = pipe.SafePipeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return SetPipeSize(handle.DangerousGetHandle().ToInt32(), F_SETPIPE_SZ, Bytes) >= 0;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int SetPipeSize(int fd, int command, int size);
}
