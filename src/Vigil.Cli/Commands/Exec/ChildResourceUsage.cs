using System.Runtime.InteropServices;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// The CPU time and peak memory of the children this process has waited for, from <c>getrusage(RUSAGE_CHILDREN)</c>.
/// .NET reaps the child itself, so <c>wait4</c>'s per-child figures are out of reach and <see cref="System.Diagnostics.Process"/>
/// can no longer read an exited child's <c>/proc</c> entry. <c>vigil exec</c> starts no other process before it reads
/// this (git is asked afterwards), so the figures are the command's (and of the processes it waited for).
/// </summary>
internal static partial class ChildResourceUsage
{
    private const int RusageChildren = -1;

    /// <summary>The usage so far, or <see langword="null"/> off Linux (the struct layout below is Linux's).</summary>
    public static ResourceFigures? Read()
    {
        if (!OperatingSystem.IsLinux() || GetRusage(RusageChildren, out var usage) != 0)
        {
            return null;
        }

        var cpu = TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
            + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);

        // Linux counts ru_maxrss in kibibytes (getrusage(2)).
        return new ResourceFigures(cpu, usage.MaxResidentSet * 1024);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out RUsage usage);

    // struct rusage on 64-bit Linux: two timevals of two longs, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentSet;
        public long IntegralSharedSize;
        public long IntegralUnsharedData;
        public long IntegralUnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
