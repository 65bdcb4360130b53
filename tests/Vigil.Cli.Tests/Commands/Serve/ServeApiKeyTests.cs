using System.Net;
using System.Text.RegularExpressions;
using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Serve;

/// <summary>
/// <c>vigil serve --api-key</c>, <c>--api-key-file</c>, <c>VIGIL_API_KEY_FILE</c>: the key given is the key the server
/// requires, and a key file that cannot be used is a usage error that says why.
/// </summary>
public sealed partial class ServeApiKeyTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempStore _store = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("vigil-key-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Serve_ApiKeyOption_RequiredOnQueries()
    {
        // Act
        var (exitCode, stdout, withoutKey, withKey) = await ServeAndQueryAsync("s3cret", new Dictionary<string, string?>(), "--api-key", "s3cret");

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("API key    required", stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey);
        Assert.Equal(HttpStatusCode.OK, withKey);
    }

    [Theory]
    [InlineData("s3cret\n")]
    [InlineData("s3cret\r\n")]
    [InlineData("s3cret")]
    public async Task Serve_ApiKeyFileOption_KeyWithoutTrailingNewlineRequired(string content)
    {
        // Arrange: the key stays out of the command line, so out of ps.
        var path = KeyFile(content);

        // Act
        var (exitCode, stdout, withoutKey, withKey) = await ServeAndQueryAsync("s3cret", new Dictionary<string, string?>(), "--api-key-file", path);

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("API key    required", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey);
        Assert.Equal(HttpStatusCode.OK, withKey);
    }

    [Fact]
    public async Task Serve_ApiKeyFileEnvironmentVariable_KeyRequired()
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["VIGIL_API_KEY_FILE"] = KeyFile("fr0m-file\n") };

        // Act
        var (exitCode, _, withoutKey, withKey) = await ServeAndQueryAsync("fr0m-file", environment);

        // Assert
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey);
        Assert.Equal(HttpStatusCode.OK, withKey);
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("empty", "is empty")]
    [InlineData("newline only", "is empty")]
    [InlineData("directory", "cannot be read")]
    public async Task Serve_ApiKeyFileUnusable_UsageErrorNamingFileAndWhy(string kind, string why)
    {
        // Arrange
        var path = kind switch
        {
            "missing" => Path.Combine(_directory, "no-such-key"),
            "empty" => KeyFile(string.Empty),
            "newline only" => KeyFile("\n"),
            _ => _directory,
        };

        // Act
        var run = await new CliHarness().RunAsync("serve", "--store", _store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", "--api-key-file", path).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--api-key-file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(why, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ApiKeyAndApiKeyFile_UsageError()
    {
        // Act
        var run = await new CliHarness().RunAsync("serve", "--store", _store.Path, "--api-key", "a", "--api-key-file", KeyFile("b")).WaitAsync(Timeout);

        // Assert
        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("cannot be used together", run.Stderr, StringComparison.Ordinal);
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

    private string KeyFile(string content)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs the real serve command, asks the query port once without a key and once with <paramref name="key"/>, then stops it.</summary>
    private async Task<(int ExitCode, string Stdout, HttpStatusCode WithoutKey, HttpStatusCode WithKey)> ServeAndQueryAsync(
        string key, Dictionary<string, string?> environment, params string[] options)
    {
        using var stdout = new SignallingWriter();
        using var stderr = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var context = new CliContext(console, stderr, environment, TimeProvider.System);
        using var cancellation = new CancellationTokenSource();
        using var http = new HttpClient();
        string[] args = ["serve", "--store", _store.Path, "--grpc-port", "0", "--otlp-port", "0", "--port", "0", .. options];

        var run = VigilCli.RunAsync(args, context, cancellation.Token);
        await Task.WhenAny(stdout.WaitForAsync("probes"), run).WaitAsync(Timeout);
        Assert.False(run.IsCompleted, "serve stopped before it listened: " + stderr);
        var query = QueryUrl().Match(stdout.ToString()).Groups["url"].Value;
        using var withoutKey = await http.GetAsync(new Uri(query + "/api/errors")).WaitAsync(Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(query + "/api/errors"));
        request.Headers.Authorization = new("Bearer", key);
        using var withKey = await http.SendAsync(request).WaitAsync(Timeout);
        await cancellation.CancelAsync();
        var exitCode = await run.WaitAsync(Timeout);
        return (exitCode, stdout.ToString(), withoutKey.StatusCode, withKey.StatusCode);
    }

    [GeneratedRegex(@"query\s+(?<url>http://\S+)")]
    private static partial Regex QueryUrl();
}
