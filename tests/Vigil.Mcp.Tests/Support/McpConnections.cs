using System.Reflection;
using ModelContextProtocol.Client;
using Vigil.Server.Configuration;
using Vigil.Server.Hosting;

namespace Vigil.Mcp.Tests.Support;

/// <summary>
/// The three ways an assistant reaches Vigil, each through the SDK's own client: <c>vigil mcp</c> started as a real
/// process over stdio, <c>/mcp</c> on a real <c>vigil serve</c> application on 127.0.0.1, and <c>vigil mcp --server</c>
/// (a real process) bridging stdio to that same <c>/mcp</c>.
/// </summary>
internal static class McpConnections
{
    public const string Stdio = "stdio";
    public const string Http = "http";
    public const string Bridge = "bridge";

    /// <summary>The CLI's own build output, as the test project's build names it.</summary>
    public static string CliExecutable { get; } = typeof(McpConnections).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "VigilCliExecutable").Value!;

    public static async Task<McpClient> StdioAsync(string storePath, bool allowWrites, string? configurationFile = null)
    {
        var arguments = new List<string> { "mcp", "--store", storePath };
        if (allowWrites)
        {
            arguments.Add("--allow-writes");
        }

        if (configurationFile is not null)
        {
            arguments.AddRange(["--config", configurationFile]);
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vigil-mcp-under-test",
            Command = CliExecutable,
            Arguments = arguments,
            EnvironmentVariables = new Dictionary<string, string?> { ["USER"] = "tester" },
        });
        return await McpClient.CreateAsync(transport, Client()).WaitAsync(Eventually.DefaultTimeout);
    }

    /// <summary><c>vigil mcp --server</c> on the server's query port, with its key in <c>VIGIL_API_KEY</c> (kept off the command line).</summary>
    public static async Task<McpClient> BridgeAsync(VigilServerApplication server, string? apiKey)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "vigil-mcp-bridge-under-test",
            Command = CliExecutable,
            Arguments = ["mcp", "--server", $"http://127.0.0.1:{server.Port(VigilServerListener.Query)}"],
            EnvironmentVariables = new Dictionary<string, string?> { ["USER"] = "tester", ["VIGIL_API_KEY"] = apiKey },
        });
        return await McpClient.CreateAsync(transport, Client()).WaitAsync(Eventually.DefaultTimeout);
    }

    public static async Task<VigilServerApplication> ServeAsync(string storePath, bool allowWrites, string? apiKey, string? configurationFile = null)
    {
        var options = new VigilServerOptions
        {
            StorePath = storePath,
            GrpcPort = 0,
            OtlpHttpPort = 0,
            QueryPort = 0,
            ApiKey = apiKey,
            McpAllowWrites = allowWrites,
        };
        if (configurationFile is not null)
        {
            options.Alerts = ServerConfigurationLoader.Load(configurationFile).Alerts;
            options.ConfigurationFile = configurationFile;
        }

        var server = VigilServerApplication.Create(options);
        await server.StartAsync().WaitAsync(Eventually.DefaultTimeout);
        return server;
    }

    public static Uri McpEndpoint(VigilServerApplication server) => new($"http://127.0.0.1:{server.Port(VigilServerListener.Query)}/mcp");

    public static async Task<McpClient> HttpAsync(VigilServerApplication server, string? apiKey)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpEndpoint(server),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = apiKey is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {apiKey}" },
        });
        return await McpClient.CreateAsync(transport, Client()).WaitAsync(Eventually.DefaultTimeout);
    }

    private static McpClientOptions Client() => new() { ClientInfo = new() { Name = "vigil-tests", Version = "1.0" } };
}
