using System.Runtime.InteropServices;

namespace Vigil.Cli.Commands.Exec;

/// <summary>Sends a signal to a process: .NET can only kill (SIGKILL), and a wrapper must let its child shut down cleanly.</summary>
internal static partial class PosixSignals
{
    /// <summary>SIGTERM's number on Linux and macOS.</summary>
    public const int Terminate = 15;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="processId"/>; false off Unix or when it has gone.</summary>
    public static bool Send(int processId, int signal) =>
        (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Kill(processId, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
