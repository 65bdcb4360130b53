namespace Vigil.Cli.Invocation;

/// <summary>
/// How to spell the <c>vigil</c> command in everything the CLI prints (the demo's guide, help examples, hints), so
/// each printed command runs as printed in the shell the user started from. <c>vigil</c> itself only when that is
/// what the shell would run (the installed .NET tool); otherwise the running executable's path, as
/// <c>dotnet run --project src/Vigil.Cli</c> and a plain build start it.
/// </summary>
internal static class CommandName
{
    /// <summary>The name the .NET tool installs (ToolCommandName in Vigil.Cli.csproj).</summary>
    public const string ToolName = "vigil";

    /// <summary>The spelling for this process: its executable, the PATH and the current directory.</summary>
    public static string ForCurrentProcess(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment.TryGetValue("PATH", out var path);
        var entryAssembly = Path.Combine(AppContext.BaseDirectory, typeof(CommandName).Assembly.GetName().Name + ".dll");
        return Resolve(Environment.ProcessPath, entryAssembly, path, Environment.CurrentDirectory, OperatingSystem.IsWindows());
    }

    /// <summary>
    /// <c>vigil</c> when <paramref name="processPath"/> is the file PATH finds for it; otherwise the executable's path,
    /// relative to <paramref name="currentDirectory"/> when below it, quoted when needed. Run by the <c>dotnet</c> host
    /// (<c>dotnet Vigil.Cli.dll</c>), it is <c>dotnet</c> and the assembly's path.
    /// </summary>
    public static string Resolve(string? processPath, string entryAssembly, string? pathVariable, string currentDirectory, bool windows)
    {
        if (string.IsNullOrEmpty(processPath))
        {
            return ToolName;
        }

        if (SameFile(FindOnPath(ToolName, pathVariable, windows), processPath))
        {
            return ToolName;
        }

        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return "dotnet " + Spell(entryAssembly, currentDirectory, windows);
        }

        return Spell(processPath, currentDirectory, windows);
    }

    /// <summary>
    /// Replaces the word <c>vigil</c> that starts <paramref name="commandLine"/> (after any <c>NAME=value</c>
    /// environment assignments) with <paramref name="commandName"/>: the help examples are written with <c>vigil</c>.
    /// </summary>
    public static string Apply(string commandLine, string commandName)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var start = 0;
        while (true)
        {
            if (string.CompareOrdinal(commandLine, start, ToolName + " ", 0, ToolName.Length + 1) == 0
                || string.CompareOrdinal(commandLine, start, ToolName, 0, int.MaxValue) == 0)
            {
                return string.Concat(commandLine.AsSpan(0, start), commandName, commandLine.AsSpan(start + ToolName.Length));
            }

            var space = commandLine.IndexOf(' ', start);
            var equals = commandLine.IndexOf('=', start);
            if (space < 0 || equals < 0 || equals > space)
            {
                return commandLine;
            }

            start = space + 1;
        }
    }

    // A path below the current directory reads better relative; a shell runs a word with a slash as a path, so a
    // file in the current directory itself needs "./".
    private static string Spell(string path, string currentDirectory, bool windows)
    {
        var relative = Path.GetRelativePath(currentDirectory, path);
        var below = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        var spelled = !below ? path
            : relative.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) ? relative
            : "." + Path.DirectorySeparatorChar + relative;
        return ShellWord.Quote(spelled, windows);
    }

    private static string? FindOnPath(string name, string? pathVariable, bool windows)
    {
        foreach (var directory in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, windows ? name + ".exe" : name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool SameFile(string? a, string b)
    {
        if (a is null)
        {
            return false;
        }

        return string.Equals(Canonical(a), Canonical(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    // PATH may reach the tool through a symbolic link (a package manager's bin folder); compare what both point to.
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}
