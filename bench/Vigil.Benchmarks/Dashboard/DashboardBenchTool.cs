using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Vigil.Server.Hosting;

namespace Vigil.Benchmarks.Dashboard;

/// <summary>
/// <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- dashboard [--logs N] [--spans N] [--runs N] [--store PATH]</c>:
/// the dashboard in Debian's Chromium over a store of a million log records and 100,000 spans. For each view, the
/// time from navigation to its first rows on screen; the time for a search to update the log list; the live tail's
/// delay from an OTLP export's answer to the row on screen. Each figure is repeated (fresh page each time) and
/// reported as median and range, with the server process's CPU time over the same runs (docs/performance.md).
/// </summary>
internal static class DashboardBenchTool
{
    private static readonly (string Name, string Url, string FirstRows)[] s_views =
    [
        ("logs", "/?view=logs", ".log-list li[data-sequence]"),
        ("logs, 24 h", "/?view=logs&since=24h", ".log-list li[data-sequence]"),
        ("traces", "/?view=traces", "tr[data-trace]"),
        ("trace waterfall", "/?view=traces&trace=" + 500.ToString("x32", CultureInfo.InvariantCulture), ".waterfall li"),
        ("overview", "/?view=overview", "tr[data-service]"),
        ("metrics", "/?view=metrics", "main .view[aria-busy='false']"),
        ("errors", "/?view=errors", "main .view[aria-busy='false']"),
        ("health", "/?view=health", "main .view[aria-busy='false']"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var logs = Option(args, "--logs", 1_000_000);
        var spans = Option(args, "--spans", 100_000);
        var runs = Option(args, "--runs", 5);
        var path = args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() ?? Path.Combine(Path.GetTempPath(), $"vigil-dashboard-bench-{logs}.db");
        if (!File.Exists(path))
        {
            var fill = Stopwatch.StartNew();
            await DashboardStoreFiller.FillAsync(path, logs, spans);
            Console.WriteLine($"filled {path}: {logs:N0} logs, {spans:N0} spans in {fill.Elapsed.TotalSeconds:F0} s");
        }

        await using var server = VigilServerApplication.Create(new VigilServerOptions { StorePath = path, GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 });
        await server.StartAsync();
        var query = $"http://127.0.0.1:{server.Port(VigilServerListener.Query)}";
        var otlp = $"http://127.0.0.1:{server.Port(VigilServerListener.OtlpHttp)}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"] });

        Console.WriteLine($"{logs:N0} log records, {spans:N0} spans; {runs} runs each (fresh page); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"what",-28} {"median ms",10} {"min",8} {"max",8} {"server CPU ms/run",18}");
        foreach (var (name, url, rows) in s_views)
        {
            await MeasureAsync(name, runs, async () =>
            {
                var page = await browser.NewPageAsync();
                var clock = Stopwatch.StartNew();
                await page.GotoAsync(query + url, new() { WaitUntil = WaitUntilState.Commit });
                await page.WaitForSelectorAsync(rows);
                var ms = clock.Elapsed.TotalMilliseconds;
                await page.CloseAsync();
                return ms;
            });
        }

        await MeasureAsync("search updates log list", runs, async () =>
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(query + "/?view=logs");
            await page.WaitForSelectorAsync(".log-list li[data-sequence]");
            await page.Locator("input[name='grep']").FillAsync("timeout");
            var clock = Stopwatch.StartNew();
            await page.Locator("input[name='grep']").PressAsync("Enter");
            await page.WaitForSelectorAsync("main .view[aria-busy='false'] .log-list li[data-sequence] .body:has-text('timeout')");
            var ms = clock.Elapsed.TotalMilliseconds;
            await page.CloseAsync();
            return ms;
        });

        using var http = new HttpClient { BaseAddress = new Uri(otlp) };
        var n = 0;
        await MeasureAsync("live tail, export to screen", runs, async () =>
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(query + "/?view=logs&live=1");
            await page.WaitForSelectorAsync(".log-list li[data-sequence]");
            await Task.Delay(500);
            var body = $"tail probe {++n} {Guid.NewGuid():N}";
            var clock = Stopwatch.StartNew();
            await SendLogAsync(http, body);
            await page.WaitForSelectorAsync($".log-list .body:text-is('{body}')");
            var ms = clock.Elapsed.TotalMilliseconds;
            await page.CloseAsync();
            return ms;
        });
        return 0;
    }

    private static async Task MeasureAsync(string name, int runs, Func<Task<double>> run)
    {
        await run(); // warm-up: JIT, SQLite page cache
        var times = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            times.Add(await run());
        }

        var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {times[times.Count / 2],10:F0} {times[0],8:F0} {times[^1],8:F0} {cpuPerRun,18:F0}"));
    }

    private static async Task SendLogAsync(HttpClient http, string body)
    {
        var nanos = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000).ToString(CultureInfo.InvariantCulture);
        var json = "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"probe\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\""
            + nanos + "\",\"severityNumber\":9,\"body\":{\"stringValue\":\"" + body + "\"}}]}]}]}";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/v1/logs", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
