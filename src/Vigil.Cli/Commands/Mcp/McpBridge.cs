using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Vigil.Cli.Commands.Mcp;

/// <summary>
/// <c>vigil mcp --server</c>: the team server's own MCP endpoint (<c>/mcp</c>, streamable HTTP, behind its API key),
/// offered over stdio to an assistant that can only start a subprocess. Each JSON-RPC message is passed on as it is,
/// both ways, through the SDK's two transports, so the tools, their answers and the write policy are the server's: no
/// second copy of any of them runs here.
/// </summary>
internal static class McpBridge
{
    /// <summary>Passes messages between stdio and the server until the assistant closes stdin or the run is stopped.</summary>
    /// <param name="endpoint">The server's <c>/mcp</c>.</param>
    /// <param name="apiKey">Its API key, sent as a bearer token; null for a server without one.</param>
    /// <param name="loggers">Where the transports log (stderr: stdout is the protocol's).</param>
    /// <param name="stderr">Where a request the server could not answer is reported to the person.</param>
    /// <param name="cancellationToken">Stops the bridge.</param>
    public static async Task RunAsync(Uri endpoint, string? apiKey, ILoggerFactory loggers, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "vigil-server",
            AdditionalHeaders = apiKey is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["Authorization"] = $"Bearer {apiKey}" },
        };
        await using var client = new HttpClientTransport(options, loggers);
        await using var server = await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var stdio = new StdioServerTransport("vigil", loggers);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fromAssistant = ForwardAsync(stdio, server, new Refusals(endpoint, stdio, stderr), stop.Token);
        var fromServer = ForwardAsync(server, stdio, refusals: null, stop.Token);

        // The assistant closing stdin ends its side; then nothing more can be asked, so the server's side ends too.
        await Task.WhenAny(fromAssistant, fromServer).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(Quietly(fromAssistant), Quietly(fromServer)).ConfigureAwait(false);
    }

    /// <summary>Where a request the server did not take is answered: the assistant's side, and the person's stderr.</summary>
    private sealed record Refusals(Uri Endpoint, ITransport Assistant, TextWriter Stderr);

    private static async Task ForwardAsync(ITransport from, ITransport to, Refusals? refusals, CancellationToken cancellationToken)
    {
        await foreach (var message in from.MessageReader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await to.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (refusals is not null && exception is HttpRequestException or McpException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // An unreachable server or a refused key: the request gets an error answer (an assistant waits for
                // one otherwise), the person a line on stderr, and the bridge stays up for when the server is back.
                var reason = $"the Vigil server at {refusals.Endpoint} did not take the request: {exception.Message}";
                await refusals.Stderr.WriteLineAsync($"vigil mcp: {reason}").ConfigureAwait(false);
                if (message is JsonRpcRequest request)
                {
                    await refusals.Assistant.SendMessageAsync(
                        new JsonRpcError { Id = request.Id, Error = new JsonRpcErrorDetail { Code = (int)McpErrorCode.InternalError, Message = reason } },
                        cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The other side ended the bridge.
        }
    }
}
