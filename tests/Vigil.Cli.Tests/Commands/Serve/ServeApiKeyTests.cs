using System.Net;
using System.Text.RegularExpressions;
using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Serve;

/// <summary><c>vigil serve --api-key</c>: the key given on the command line is the key the server requires.</summary>
public sealed partial class ServeApiKeyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Serve_ApiKeyOption_RequiredOnQueries()
    {
        // Arrange
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, new Dictionary<string, string?>(), TimeProvider.System);
        using var cancellation = new CancellationTokenSource();
        using var http = new HttpClient();
        string[] args = ["serve", "--store", _store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", "--api-key", "s3cret"];

        // Act
        var run = VigilCli.RunAsync(args, context, cancellation.Token);
        await stdout.WaitForAsync("probes").WaitAsync(Timeout);
        var query = QueryUrl().Match(stdout.ToString()).Groups["url"].Value;
        using var withoutKey = await http.GetAsync(new Uri(query + "/api/errors")).WaitAsync(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(query + "/api/errors"));
        request.Headers.Authorization = new("Bearer", "s3cret");
        using var withKey = await http.SendAsync(request).WaitAsync(Timeout);
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("API key    required", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("demo")]
    public async Task HostingCommand_ServerOption_IsNotOffered(string command)
    {
        // Act: a command that hosts the store cannot read from a server.
        var run = await new CliHarness().RunAsync(command, "--server", "http://127.0.0.1:1").WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--server", run.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"query\s+(?<url>http://\S+)")]
    private static partial Regex QueryUrl();
}
