using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Alerting.Tests.Channels.Support;

/// <summary>
/// A real Prometheus Alertmanager (Debian's prometheus-alertmanager, installed by scripts/prerequisites.sh) on a free
/// loopback port, with a minimal configuration, a temporary storage folder and no clustering; killed on dispose.
/// </summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    private static readonly string[] s_binaries = ["/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager", "/usr/bin/alertmanager"];

    private readonly Process _process;
    private readonly TempDirectory _folder;

    private AlertmanagerProcess(Process process, TempDirectory folder, Uri url)
    {
        _process = process;
        _folder = folder;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<AlertmanagerProcess> StartAsync()
    {
        var binary = s_binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("prometheus-alertmanager is not installed: run scripts/prerequisites.sh");
        var folder = new TempDirectory();
        folder.Write("alertmanager.yml", "route:\n  receiver: blackhole\n  group_wait: 1h\nreceivers:\n  - name: blackhole\n");
        Directory.CreateDirectory(folder.Combine("data"));
        var port = FreePort();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            "--config.file=" + folder.Combine("alertmanager.yml"),
            "--storage.path=" + folder.Combine("data"),
            $"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus-alertmanager did not start");

        // Drained so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        await Eventually.TrueAsync(() =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus-alertmanager exited with {process.ExitCode}");
            }

            try
            {
                return http.GetAsync(new Uri(url, "/-/ready")).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "Alertmanager to be ready");
        return new AlertmanagerProcess(process, folder, url);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
