using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Model;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Alerts;

/// <summary>
/// <c>alerts-notify</c>: how long from the moment the rule engine hands a firing alert to the notifier (right after the
/// evaluation that fired it saved it) to the webhook's request arriving at a receiver on 127.0.0.1, through the real
/// notifier (its once-a-second turn, the channel worker, the attempt recorded in a SQLite file). The route's
/// <c>GroupWait</c> is 0 so that what is measured is Vigil's own delay, not the wait a team configures. Each alert is
/// a new group, sent one after another; reports p50, p95 and the largest, and the process CPU time.
/// </summary>
internal static class NotifyLatencyTool
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000 ? n : 30;
        var directory = Path.Combine(Path.GetTempPath(), "vigil-bench-notify-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var receiving = ReceiveAsync(listener, received);

        var section = new AlertingSection();
        section.Channels.Add(new NotificationChannelOptions { Name = "hook", Kind = "webhook", Webhook = new WebhookChannelOptions { Url = new Uri($"http://127.0.0.1:{port}/hook") } });
        section.Route.GroupWait = TimeSpan.Zero;
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out var problems);
        if (settings is null)
        {
            Console.Error.WriteLine("invalid settings: " + string.Join("; ", problems));
            return 1;
        }

        await using var store = SqliteTelemetryStore.Open(Path.Combine(directory, "vigil.db"));
        var services = new EmptyServices();
        var notifier = NotificationServices.Create(settings, store, new AcknowledgementLinks(RandomNumberGenerator.GetBytes(32), TimeSpan.FromHours(1)), () => null, new NotificationStatistics(), TimeProvider.System, NullLoggerFactory.Instance, services);
        await notifier.StartAsync(CancellationToken.None);

        Console.WriteLine($"# alerts-notify: {count} firing alerts, each a new group (GroupWait 0), webhook on 127.0.0.1; {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var name = $"Bench{i}";
            var now = DateTimeOffset.UtcNow;
            var alert = (await store.SaveAlertsAsync([new AlertInstance
            {
                RuleName = name,
                Labels = AlertLabels.From([new(AlertLabels.AlertName, name)]),
                State = AlertState.Firing,
                ActiveSince = now,
                FiredAt = now,
                LastEvaluated = now,
            }]))[0];
            var handed = Stopwatch.GetTimestamp();
            await notifier.PublishAsync([alert]);
            long arrived;
            while (!received.TryGetValue(name, out arrived))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(handed, arrived).TotalMilliseconds);

            // Start the next alert at another point of the notifier's one-second turn, as rules' evaluations would.
            await Task.Delay(50 + (i * 373 % 950));
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        await notifier.StopAsync(CancellationToken.None);
        notifier.Dispose();
        listener.Stop();
        await receiving;
        var sorted = latencies.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"handed to notifier → webhook request: p50 {Percentile(sorted, 0.50):F0} ms, p95 {Percentile(sorted, 0.95):F0} ms, max {sorted[^1]:F0} ms over {count} alerts; process CPU {cpu:F0} ms"));
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    // Answers every request 200 and notes when each alert's first request arrived (by its alertname in the payload).
    private static async Task ReceiveAsync(HttpListener listener, System.Collections.Concurrent.ConcurrentDictionary<string, long> received)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var at = Stopwatch.GetTimestamp();
            using var document = await System.Text.Json.JsonDocument.ParseAsync(context.Request.InputStream);
            foreach (var alert in document.RootElement.GetProperty("alerts").EnumerateArray())
            {
                received.TryAdd(alert.GetProperty("labels").GetProperty("alertname").GetString()!, at);
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
