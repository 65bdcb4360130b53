namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Adds the MSBuild logger to <c>dotnet build</c> and <c>dotnet test</c> under <c>vigil exec</c>, so the build's
/// projects and targets nest inside the command's span (the logger reads the <c>TRACEPARENT</c> vigil exec hands the
/// child) and land where the command's record does. The recorded command line stays the one the user typed.
/// </summary>
internal static class MSBuildLoggerInjection
{
    /// <summary>The logger assembly vigil ships in msbuild/ beside itself, with its own dependencies (see Vigil.Cli.csproj).</summary>
    public static string LoggerPath => Path.Combine(AppContext.BaseDirectory, "msbuild", "Vigil.MSBuild.dll");

    /// <summary>Whether <paramref name="command"/> is an MSBuild run the logger is added to.</summary>
    public static bool Applies(ExecCommandLine command) =>
        Path.GetFileNameWithoutExtension(command.Executable) == "dotnet"
        && command.Arguments.Count > 0
        && command.Arguments[0] is "build" or "test"
        && !command.Arguments.Any(a => a.Contains("Vigil.MSBuild", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <paramref name="command"/> with <c>-distributedlogger:LOGGER;PARAMETERS*LOGGER</c> after its verb (before any
    /// <c>--</c>, whose arguments belong to the test runner), or null with the reason when it cannot be added.
    /// </summary>
    public static ExecCommandLine? Add(ExecCommandLine command, Vigil.Recording.RecordingDestination destination, string loggerPath, out string? reason)
    {
        var target = destination.OtlpEndpoint is { } endpoint ? $"otlp={endpoint}" : $"store={Path.GetFullPath(destination.StorePath!)}";

        // MSBuild splits logger parameters at ';' and the two halves at '*', with no quoting.
        if (target.AsSpan().ContainsAny(";*") || loggerPath.AsSpan().ContainsAny(";*"))
        {
            reason = $"the path '{target}' has a ';' or '*', which MSBuild's -distributedlogger cannot carry";
            return null;
        }

        if (!File.Exists(loggerPath))
        {
            reason = $"{loggerPath} is missing";
            return null;
        }

        reason = null;
        var switchText = $"-distributedlogger:{loggerPath};{target}*{loggerPath}";
        var arguments = command.Arguments.Take(1).Append(switchText).Concat(command.Arguments.Skip(1)).ToArray();
        return command with { Arguments = arguments };
    }
}
