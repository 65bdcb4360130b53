using Vigil.Cli.Tests.Support;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Tests.Remote;

/// <summary>
/// <c>--server</c> against the real <c>vigil serve</c> composition (not just the mapped API), for what only it does:
/// the API key check in front of every route, and the 404 for a path no endpoint takes.
/// </summary>
public sealed class RemoteWrongUrlTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();
    private VigilServerApplication? _server;

    private string Url => $"http://127.0.0.1:{_server!.Port(VigilServerListener.Query)}";

    public async Task InitializeAsync()
    {
        await _store.WriteLogsAsync(Some.Log("a record"));
        _server = VigilServerApplication.Create(new VigilServerOptions { StorePath = _store.Path, GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0, ApiKey = "k3y" });
        await _server.StartAsync().WaitAsync(s_timeout);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    // xunit calls this after DisposeAsync: the store file goes once the server has let go of it.
    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("logs")]
    [InlineData("errors")]
    [InlineData("errors", "show", "1")]
    [InlineData("traces", "4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData("metrics", "shop.orders")]
    public async Task Run_ServerUrlWithWrongPathPrefix_Exit2NotAnEmptyOrMissingAnswer(params string[] command)
    {
        // Act: the URL names the right server but a path under which it has no API.
        var run = await new CliHarness().RunAsync([.. command, "--server", Url + "/vigil", "--api-key", "k3y"]).WaitAsync(s_timeout);

        // Assert: not "nothing here yet" (exit 0) nor "not found" (exit 3), but a server that cannot be read.
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("no endpoint answers GET /vigil/api/", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData(VigilServerListener.OtlpGrpc)]
    [InlineData(VigilServerListener.OtlpHttp)]
    public async Task Run_ServerUrlNamesAnOtlpPort_Exit2PointingAtTheQueryPort(VigilServerListener listener)
    {
        // Act: the gRPC port answers an HTTP/1.1 request with a bare 400, the OTLP/HTTP port with a bare 404.
        var url = $"http://127.0.0.1:{_server!.Port(listener)}";
        var run = await new CliHarness().RunAsync("logs", "--server", url, "--api-key", "k3y").WaitAsync(s_timeout);

        // Assert: not a usage error (the command line is fine) but a URL that is not the query API.
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("is it the query port", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerRefusesMissingKey_Exit2WithTheServersExplanation()
    {
        // Act
        var run = await new CliHarness().RunAsync("logs", "--server", Url).WaitAsync(s_timeout);

        // Assert: the server's problem detail reaches the user, not just "Unauthorized".
        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("x-api-key", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task Mcp_ServerRefusesTheKey_Exit2BeforeOfferingStdio(string? key)
    {
        // Act: an assistant would start this and wait; a refused key must end it at once, saying why.
        var run = await new CliHarness().RunAsync(["mcp", "--server", Url, .. key is null ? Array.Empty<string>() : ["--api-key", key]]).WaitAsync(s_timeout);

        Assert.Equal(ExitCodes.StoreUnavailable, run.ExitCode);
        Assert.Contains("refused the request", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("offering", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("--allow-writes", "--allow-writes: with --server the server decides")]
    [InlineData("--config", "--config: with --server the server's own configuration")]
    public async Task Mcp_ServerWithALocalOnlyOption_UsageErrorNamingIt(string option, string expected)
    {
        string[] extra = option == "--config" ? [option, "vigil.server.json"] : [option];

        var run = await new CliHarness().RunAsync(["mcp", "--server", Url, "--api-key", "k3y", .. extra]).WaitAsync(s_timeout);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Run_ServerUrlWithTrailingSlash_ReadsTheSameServer()
    {
        // Act
        var run = await new CliHarness().RunAsync("logs", "--server", Url + "/", "--api-key", "k3y").WaitAsync(s_timeout);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("a record", run.Stdout, StringComparison.Ordinal);
    }
}
