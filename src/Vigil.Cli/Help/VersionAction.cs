using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Vigil.Cli.Help;

/// <summary>
/// Prints this assembly's informational version. The library's own version action reads
/// the entry assembly, which under a test host is the test runner, not vigil.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The version <c>vigil --version</c> prints.</summary>
    public static string InformationalVersion { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(InformationalVersion);
        return ExitCodes.Success;
    }
}
