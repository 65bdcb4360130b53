using System.Diagnostics;
using System.Text;

namespace Vigil.Testing;

/// <summary>
/// A real server program started for a test (influxd, prometheus-pushgateway): its output kept for the error when it
/// exits early, ready when an HTTP probe says so, its whole process tree killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string name)
    {
        _process = process;
        _name = name;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static ServerProcess Start(string program, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var name = Path.GetFileName(program);
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start"), name);
    }

    /// <summary>Waits until <c>GET {path}</c> answers as <paramref name="isReady"/> wants; fails at once, with the program's output, when it exits.</summary>
    public Task WaitUntilReadyAsync(HttpClient http, string path, Func<HttpResponseMessage, bool> isReady) =>
        Eventually.TrueAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    lock (_output)
                    {
                        throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}: {_output}");
                    }
                }

                try
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                    return isReady(response);
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            $"{_name} answers {path}");

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
