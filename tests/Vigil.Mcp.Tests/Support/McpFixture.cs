using ModelContextProtocol.Client;
using Vigil.Server.Hosting;

namespace Vigil.Mcp.Tests.Support;

/// <summary>
/// One seeded store served every way at once: <c>vigil mcp</c> (a real process), <c>/mcp</c> on a real server
/// with an API key, and <c>vigil mcp --server</c> (a real process) bridging to that server. Shared by a test class, since each start costs a process; <see cref="AllowWrites"/> decides.
/// </summary>
public abstract class McpFixture : IAsyncLifetime
{
    public const string ApiKey = "s3cret-key";

    // A path, not a TempDirectory: xunit disposes a fixture through IAsyncLifetime only.
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-mcp-").FullName;
    private McpClient? _stdio;
    private McpClient? _http;
    private McpClient? _bridge;

    internal Seed Seed { get; private set; } = null!;

    internal VigilServerApplication Server { get; private set; } = null!;

    public string StorePath => Path.Combine(_directory, "vigil.db");

    protected abstract bool AllowWrites { get; }

    /// <summary>The server configuration both hosts are given (vigil serve's file, vigil mcp --config); none by default.</summary>
    protected virtual string? Configuration => null;

    /// <summary>Records one fixture writes after the shared seed, for its own tests.</summary>
    protected virtual Task WriteMoreAsync(string storePath) => Task.CompletedTask;

    internal McpClient Client(string transport) => transport switch
    {
        McpConnections.Stdio => _stdio!,
        McpConnections.Http => _http!,
        McpConnections.Bridge => _bridge!,
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, null),
    };

    public async Task InitializeAsync()
    {
        Seed = await Seed.WriteAsync(StorePath);
        await WriteMoreAsync(StorePath);
        string? configurationFile = null;
        if (Configuration is { } json)
        {
            configurationFile = Path.Combine(_directory, "vigil.server.json");
            await File.WriteAllTextAsync(configurationFile, json);
        }

        Server = await McpConnections.ServeAsync(StorePath, AllowWrites, ApiKey, configurationFile);
        _http = await McpConnections.HttpAsync(Server, ApiKey);
        _stdio = await McpConnections.StdioAsync(StorePath, AllowWrites, configurationFile);
        _bridge = await McpConnections.BridgeAsync(Server, ApiKey);
    }

    public async Task DisposeAsync()
    {
        if (_stdio is not null)
        {
            await _stdio.DisposeAsync();
        }

        if (_http is not null)
        {
            await _http.DisposeAsync();
        }

        if (_bridge is not null)
        {
            await _bridge.DisposeAsync();
        }

        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Both transports with the write tools off (the default).</summary>
public sealed class ReadOnlyMcpFixture : McpFixture
{
    protected override bool AllowWrites => false;
}
