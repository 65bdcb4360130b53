using System.Globalization;

namespace Vigil.Server.Tests.Probes;

/// <summary>Reads /proc to see which child processes of this test process are alive (zombies count as gone).</summary>
internal static class ProcessTable
{
    /// <summary>Live children of this process whose command line (NUL-separated) is <paramref name="commandLine"/>.</summary>
    public static int CountChildren(string commandLine)
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")) != commandLine)
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[1] == self)
                {
                    count++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked, or not ours to read.
            }
        }

        return count;
    }

    /// <summary>Whether process <paramref name="pid"/> is alive (not gone, not a zombie).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
