using System.CommandLine;
using Vigil.Storage;

namespace Vigil.Cli.Options;

/// <summary>
/// <c>--store PATH</c>: which store file to read. Without it, <c>VIGIL_STORE</c>, else
/// <c>.vigil/vigil.db</c> under the current directory (the storage engine's own rule).
/// </summary>
internal sealed class StoreOption
{
    /// <summary>The <c>--store</c> option.</summary>
    public Option<string?> Path { get; } = new("--store")
    {
        Description = $"The store file to read (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).",
        HelpName = "PATH",
    };

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command) => command.Options.Add(Path);

    /// <summary>The absolute path of the store file this run reads.</summary>
    public string Resolve(ParseResult parseResult, CliContext context)
    {
        // The environment comes from the context, not the process, so tests stay isolated.
        var chosen = parseResult.GetValue(Path)
            ?? context.GetEnvironmentVariable(StorePaths.EnvironmentVariable)
            ?? StorePaths.DefaultRelativePath;
        return StorePaths.Resolve(chosen);
    }

    /// <summary>Opens the store for reading; storage exceptions become exit code 2 in the composition root.</summary>
    public ITelemetryStore Open(ParseResult parseResult, CliContext context) => context.OpenStore(Resolve(parseResult, context));
}
