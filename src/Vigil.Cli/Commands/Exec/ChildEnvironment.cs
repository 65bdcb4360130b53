using System.Diagnostics;

namespace Vigil.Cli.Commands.Exec;

/// <summary>The environment a child process starts with: the CLI's own (injected, so tests control it), plus overrides.</summary>
internal static class ChildEnvironment
{
    /// <summary>Replaces <paramref name="start"/>'s environment with <paramref name="environment"/>.</summary>
    public static void CopyTo(ProcessStartInfo start, IReadOnlyDictionary<string, string?> environment)
    {
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }
    }
}
