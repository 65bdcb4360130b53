using System.CommandLine;
using Vigil.Cli.Remote;
using Vigil.Storage;

namespace Vigil.Cli.Options;

/// <summary>
/// Where a command reads from. <c>--store PATH</c>: a store file; without it, <c>VIGIL_STORE</c>, else
/// <c>.vigil/vigil.db</c> under the current directory (the storage engine's own rule).
/// <c>--server URL</c> (or <c>VIGIL_SERVER</c>): a Vigil server's query API instead, with
/// <c>--api-key</c> (or <c>VIGIL_API_KEY</c>) sent as a bearer token.
/// </summary>
internal sealed class StoreOption
{
    /// <summary>The environment variable naming a server to read from.</summary>
    public const string ServerEnvironmentVariable = "VIGIL_SERVER";

    /// <summary>The environment variable holding the server's API key.</summary>
    public const string ApiKeyEnvironmentVariable = "VIGIL_API_KEY";

    // Set by AddForChangeTo: the command writes to the store, so it is opened read-write.
    private bool _forChange;

    /// <summary>The <c>--store</c> option.</summary>
    public Option<string?> Path { get; } = new("--store")
    {
        Description = $"The store file to read (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).",
        HelpName = "PATH",
    };

    /// <summary>The <c>--server</c> option.</summary>
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"Read from a Vigil server's query API instead of a store file (default: ${ServerEnvironmentVariable}).",
        HelpName = "URL",
    };

    /// <summary>The <c>--api-key</c> option.</summary>
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The server's API key, sent as a bearer token (default: ${ApiKeyEnvironmentVariable}).",
        HelpName = "KEY",
    };

    /// <summary>Adds the options to <paramref name="command"/>, a command that reads a store or a server.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Path);
        command.Options.Add(Server);
        command.Options.Add(ApiKey);
    }

    /// <summary>Adds the options to <paramref name="command"/>, a command that changes what a store or server holds.</summary>
    public void AddForChangeTo(Command command)
    {
        Path.Description = $"The store file to change (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).";
        Server.Description = $"Change it on a Vigil server through its query API instead of a store file (default: ${ServerEnvironmentVariable}).";
        _forChange = true;
        AddTo(command);
    }

    /// <summary>
    /// Adds only <c>--store</c> to <paramref name="command"/>, a command that hosts the store (<c>serve</c>,
    /// <c>demo</c>): reading a server means nothing there, and a second <c>--api-key</c> beside the command's own
    /// would take its value, leaving the server without the key it was given.
    /// </summary>
    public void AddPathTo(Command command)
    {
        Path.Description = $"The store file to write to and serve (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).";
        command.Options.Add(Path);
    }

    /// <summary>Adds only <c>--store</c> to <paramref name="command"/>, a command that records into the store (<c>exec</c>), creating it when absent.</summary>
    public void AddWritePathTo(Command command)
    {
        Path.Description = $"The store file to record into, created when absent (default: ${StorePaths.EnvironmentVariable}, else {StorePaths.DefaultRelativePath}).";
        command.Options.Add(Path);
    }

    /// <summary>The absolute path of the store file this run reads.</summary>
    public string Resolve(ParseResult parseResult, CliContext context)
    {
        // The environment comes from the context, not the process, so tests stay isolated.
        return StorePaths.Resolve(parseResult.GetValue(Path), context.GetEnvironmentVariable, context.CurrentDirectory);
    }

    /// <summary>
    /// Opens the store (read-only, unless the command changes it) or the server; storage exceptions
    /// (an unreachable server too) become exit code 2 in the composition root.
    /// </summary>
    public IQueryStore Open(ParseResult parseResult, CliContext context)
    {
        if (ResolveRemote(parseResult, context) is { } remote)
        {
            return new HttpTelemetryStore(remote.Url, remote.ApiKey);
        }

        var path = Resolve(parseResult, context);
        return _forChange ? context.OpenStoreForChange(path) : context.OpenStore(path);
    }

    /// <summary>The server this run reads and the key it sends (<c>--api-key</c>, else <c>VIGIL_API_KEY</c>), or null for a store file.</summary>
    /// <exception cref="CliUsageException">The server's URL is not usable, or both are named.</exception>
    public (Uri Url, string? ApiKey)? ResolveRemote(ParseResult parseResult, CliContext context) =>
        ResolveServer(parseResult, context) is { } server
            ? (server, parseResult.GetValue(ApiKey) ?? context.GetEnvironmentVariable(ApiKeyEnvironmentVariable))
            : null;

    /// <summary>True when this run reads a server (<c>--server</c> or <c>VIGIL_SERVER</c>), not a store file.</summary>
    /// <exception cref="CliUsageException">The server's URL is not usable, or both are named.</exception>
    public bool NamesServer(ParseResult parseResult, CliContext context) => ResolveServer(parseResult, context) is not null;

    private Uri? ResolveServer(ParseResult parseResult, CliContext context)
    {
        var flag = parseResult.GetValue(Server);
        if (flag is not null && parseResult.GetValue(Path) is not null)
        {
            throw new CliUsageException("--server: cannot be combined with --store (read a file or a server, not both)");
        }

        // An explicit --store beats $VIGIL_SERVER, as flags beat the environment everywhere else.
        var text = flag ?? (parseResult.GetValue(Path) is null ? context.GetEnvironmentVariable(ServerEnvironmentVariable) : null);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // Name where the text came from: a bad $VIGIL_SERVER is not on the command line the user is looking at.
            var source = flag is null ? ServerEnvironmentVariable : "--server";
            throw new CliUsageException($"{source}: '{text}' is not an http:// or https:// URL (e.g. http://127.0.0.1:4320)");
        }

        // A base without a trailing slash would drop its last segment when "api/logs" is appended.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }
}
