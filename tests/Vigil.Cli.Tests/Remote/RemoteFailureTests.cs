using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Remote;

public sealed class RemoteFailureTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ServerUnreachable_Exit2NamingTheUrl()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var run = await new CliHarness().RunAsync("logs", "--server", "http://127.0.0.1:1").WaitAsync(s_timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("http://127.0.0.1:1/", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("not a url")]
    public async Task Run_ServerNotHttpUrl_UsageError(string url)
    {
        var run = await new CliHarness().RunAsync("logs", "--server", url).WaitAsync(s_timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--server", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerEnvironmentNotHttpUrl_UsageErrorNamingTheVariable()
    {
        var cli = new CliHarness();
        cli.Environment["VIGIL_SERVER"] = "127.0.0.1:4320";

        var run = await cli.RunAsync("logs").WaitAsync(s_timeout);

        // The user typed no --server: the message must point at the variable that holds the bad value.
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("vigil: VIGIL_SERVER: '127.0.0.1:4320' is not an http:// or https:// URL", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HttpsUrlForPlainHttpServer_Exit2WithTheTlsReason()
    {
        using var store = new TempStore();
        await store.CreateAsync();
        await using var server = await LoopbackServer.StartAsync(store.Path);
        var https = "https://" + server.Url["http://".Length..];

        var run = await new CliHarness().RunAsync("logs", "--server", https).WaitAsync(s_timeout);

        // HttpClient's own text ends "see inner exception", which a CLI user cannot do: the reason is spelt out.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("SSL connection could not be established: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("see inner exception", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerAndStoreTogether_UsageError()
    {
        var run = await new CliHarness().RunAsync("logs", "--server", "http://127.0.0.1:1", "--store", "x.db").WaitAsync(s_timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--server: cannot be combined with --store", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ApiKey_SentAsBearerAndRequired()
    {
        using var store = new TempStore();
        await store.WriteLogsAsync(Some.Log("secret record"));
        await using var server = await LoopbackServer.StartAsync(store.Path, apiKey: "k3y");
        var withEnvironmentKey = new CliHarness();
        withEnvironmentKey.Environment["VIGIL_API_KEY"] = "k3y";

        var without = await new CliHarness().RunAsync("logs", "--server", server.Url).WaitAsync(s_timeout);
        var withFlag = await new CliHarness().RunAsync("logs", "--server", server.Url, "--api-key", "k3y").WaitAsync(s_timeout);
        var withEnvironment = await withEnvironmentKey.RunAsync("logs", "--server", server.Url).WaitAsync(s_timeout);

        Assert.Equal(2, without.ExitCode);
        Assert.Contains("--api-key", without.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, withFlag.ExitCode);
        Assert.Contains("secret record", withFlag.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, withEnvironment.ExitCode);
    }

    [Fact]
    public async Task Run_ServerRefusesParameter_UsageErrorWithItsDetail()
    {
        using var store = new TempStore();
        await store.CreateAsync();
        await using var server = await LoopbackServer.StartAsync(store.Path);

        var run = await new CliHarness().RunAsync("logs", "--server", server.Url, "--limit", "50000").WaitAsync(s_timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("limit:", run.Stderr, StringComparison.Ordinal);
    }
}
