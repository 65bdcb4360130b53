namespace Vigil.Configuration;

/// <summary>Where the console sink writes and what it can tell about it; tests give their own.</summary>
internal sealed record SinkEnvironment(TextWriter ConsoleOutput, bool ConsoleIsTerminal, IReadOnlyDictionary<string, string?> Variables, string WorkingDirectory)
{
    public static SinkEnvironment FromProcess(IReadOnlyDictionary<string, string?> variables, string workingDirectory) =>
        new(Console.Out, !Console.IsOutputRedirected, variables, workingDirectory);
}
