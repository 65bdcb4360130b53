using System.Diagnostics;
using System.Globalization;
using Vigil.Alerting.Rules;
using Vigil.Storage.Sqlite;

namespace Vigil.Benchmarks.Alerts;

/// <summary>
/// <c>alerts</c>: the cost of rule evaluation against the store (docs/performance.md). Writes the data once, then
/// evaluates every rule once per round, one rule after another on one thread, each round 15 s of evaluation time
/// later than the previous (the windows move, the data stays). Reports the process CPU per round as a share of one
/// core over the interval, and each round's wall-clock latency.
/// </summary>
internal static class AlertBenchTool
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = AlertBenchOptions.Parse(args);
        Directory.CreateDirectory(options.Directory);
        var path = Path.Combine(options.Directory, $"alerts-{options.Logs}-{options.Series}.db");
        var fresh = !File.Exists(path);
        if (!options.Keep && !fresh)
        {
            File.Delete(path);
            fresh = true;
        }

        Console.WriteLine($"# alerts: {options.Rules:N0} rules over {options.Logs:N0} log records and {options.Series:N0} metric series, every {options.Interval.TotalSeconds:0} s; {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        await using var store = SqliteTelemetryStore.Open(path);
        if (fresh)
        {
            var watch = Stopwatch.StartNew();
            await AlertBenchData.WriteAsync(store, options);
            Console.WriteLine($"data written in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(path).Length / (1024.0 * 1024.0):N0} MiB)");
        }

        var rules = new List<(AlertRule Rule, IRuleCondition Condition)>();
        var context = new RuleLoadContext(Directory.GetCurrentDirectory(), null);
        foreach (var rule in AlertBenchRules.Make(options.Rules, options.Series / AlertBenchData.SeriesPerMetric))
        {
            var kind = RuleKinds.Find(rule.Kind)!;
            var problems = kind.Validate(rule, rule.Name!, context).ToList();
            if (problems.Count > 0)
            {
                Console.Error.WriteLine("invalid benchmark rule: " + problems[0]);
                return 1;
            }

            rules.Add((new AlertRule { Name = rule.Name!, Kind = kind, Options = rule, LoadContext = context }, kind.Create(rule, context)));
        }

        Console.WriteLine();
        Console.WriteLine("| round | wall ms | CPU ms | CPU share of one core over 15 s | samples | active |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        var walls = new List<double>();
        var cpus = new List<double>();
        var byKind = new Dictionary<string, double>(StringComparer.Ordinal);
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < options.Rounds; round++)
        {
            // The first round evaluates two minutes before the data ends, so every window holds data.
            var now = AlertBenchData.End - TimeSpan.FromMinutes(2) + (options.Interval * round);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var samples = 0;
            var active = 0;
            foreach (var (rule, condition) in rules)
            {
                var started = watch.Elapsed;
                var result = await condition.EvaluateAsync(new RuleContext { Now = now, Rule = rule, Reader = store, Signals = store, Triage = store }, CancellationToken.None);
                byKind[rule.Kind.Name] = byKind.GetValueOrDefault(rule.Kind.Name) + (watch.Elapsed - started).TotalMilliseconds;
                samples += result.Count;
                active += result.Count(s => s.IsActive);
            }

            var wall = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            walls.Add(wall);
            cpus.Add(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round + 1} | {wall:F0} | {cpu:F0} | {cpu / options.Interval.TotalMilliseconds:P1} | {samples:N0} | {active:N0} |"));
        }

        var steady = cpus.Skip(1).DefaultIfEmpty(cpus[0]).Average();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency per round: p50 {Percentile(walls, 0.50):F0} ms, p95 {Percentile(walls, 0.95):F0} ms; CPU share of one core: first round {cpus[0] / options.Interval.TotalMilliseconds:P1}, later rounds {steady / options.Interval.TotalMilliseconds:P1}"));
        Console.WriteLine("wall time by kind over all rounds: " + string.Join(", ", byKind.OrderByDescending(k => k.Value).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value / options.Rounds:F0} ms/round"))));
        if (!options.Keep)
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }

        return 0;
    }

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
