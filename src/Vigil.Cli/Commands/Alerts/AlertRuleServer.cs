using System.CommandLine;
using Vigil.Cli.Options;
using Vigil.Cli.Remote;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>--server</c> and <c>--api-key</c> for the commands that talk to the rule engine: the rules live in a running
/// server, not in the store file, so there is no <c>--store</c> here.
/// </summary>
internal sealed class AlertRuleServer
{
    private readonly StoreOption _store = new();

    public void AddTo(Command command)
    {
        _store.Server.Description = $"The Vigil server whose rules to use, e.g. http://127.0.0.1:4320 (default: ${StoreOption.ServerEnvironmentVariable}).";
        command.Options.Add(_store.Server);
        command.Options.Add(_store.ApiKey);
    }

    /// <summary>The server's client.</summary>
    /// <exception cref="CliUsageException">No server is named.</exception>
    public HttpTelemetryStore Open(ParseResult parseResult, CliContext context, string command)
    {
        if (parseResult.GetValue(_store.Server) is null && context.GetEnvironmentVariable(StoreOption.ServerEnvironmentVariable) is null)
        {
            throw new CliUsageException($"--server: {command} asks a running server (rules live in its memory, not in the store file): give --server URL or set ${StoreOption.ServerEnvironmentVariable}");
        }

        return (HttpTelemetryStore)_store.Open(parseResult, context);
    }
}
