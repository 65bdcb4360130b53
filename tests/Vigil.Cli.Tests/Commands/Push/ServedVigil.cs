using System.Text.RegularExpressions;
using Spectre.Console;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>The real <c>vigil serve</c>, run in-process on free loopback ports over its own store file, until disposed.</summary>
internal sealed partial class ServedVigil : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly SignallingWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private Task<int>? _run;

    private ServedVigil(string storePath) => StorePath = storePath;

    /// <summary>The server's store file.</summary>
    public string StorePath { get; }

    /// <summary>The query API's base URL (<c>http://127.0.0.1:PORT</c>).</summary>
    public string Url { get; private set; } = string.Empty;

    public static async Task<ServedVigil> StartAsync(string storePath, string? apiKey = null)
    {
        var served = new ServedVigil(storePath);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(served._stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["VIGIL_API_KEY"] = apiKey };
        var context = new CliContext(console, served._stderr, environment, TimeProvider.System);
        served._run = VigilCli.RunAsync(["serve", "--store", storePath, "--grpc-port", "0", "--otlp-port", "0", "--port", "0"], context, served._stop.Token);
        await Task.WhenAny(served._stdout.WaitForAsync("probes"), served._run).WaitAsync(s_timeout);
        if (served._run.IsCompleted)
        {
            throw new InvalidOperationException("vigil serve stopped before it listened: " + served._stderr);
        }

        served.Url = QueryUrl().Match(served._stdout.ToString()).Groups["url"].Value.TrimEnd('/');
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(s_timeout);
        }

        _stop.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    [GeneratedRegex(@"query\s+(?<url>http://\S+)")]
    private static partial Regex QueryUrl();
}
