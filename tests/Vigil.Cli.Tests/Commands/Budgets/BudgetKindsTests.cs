using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Budgets;

/// <summary>
/// Budgets on builds' projects, tracked operations and service spans, declared in vigil.json or a thresholds.json of
/// the original shape, over a real store of synthetic spans, through the CLI's composition root.
/// </summary>
public sealed class BudgetKindsTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly TempDirectory _directory = new();
    private readonly CliHarness _cli = new();

    public BudgetKindsTests() => _cli.CurrentDirectory = _directory.Path;

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Check_ProjectBudgetInVigilJson_JudgesTheLoggersProjectSpans()
    {
        // Lib.csproj took 4, 5 and 9 s in three builds; p50 is 5 s against a 6 s limit, the maximum (p99) 9 s is over.
        await WriteAsync("Vigil.MSBuild", "msbuild", "Lib.csproj", [4, 5, 9], [new("msbuild.kind", "project")]);
        _directory.Write("vigil.json", """{"service": {"name": "shop"}, "budgets": [{"project": "Lib.csproj", "maxDuration": "6s", "percentile": 50}, {"project": "Lib.csproj", "maxDuration": "6s", "percentile": 99}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        var checks = Checks(run.Stdout);
        Assert.Equal([("ok", 5.0), ("over", 9.0)], checks.Select(c => (c.GetProperty("status").GetString()!, c.GetProperty("actual").GetDouble())));
        Assert.All(checks, c => Assert.Equal(3, c.GetProperty("runs").GetArrayLength()));
    }

    [Fact]
    public async Task Check_OperationAndServiceSpanBudgets_MatchByNameAndService()
    {
        await WriteAsync("Vigil", "shop", "checkout", [0.1, 0.3], [new("vigil.operation.outcome", "success")]);
        await WriteAsync("OpenTelemetry.Instrumentation.AspNetCore", "shop", "GET /cart", [0.2, 0.2], [], firstIndex: 10);
        await WriteAsync("OpenTelemetry.Instrumentation.AspNetCore", "admin", "GET /cart", [5, 5], [], firstIndex: 20);
        _directory.Write("vigil.budgets.json", """{"budgets": [{"operation": "checkout", "maxDuration": "250ms"}, {"span": "GET /cart", "service": "shop", "maxDuration": "1s"}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        var checks = Checks(run.Stdout);
        Assert.Equal("over", checks[0].GetProperty("status").GetString());
        Assert.Equal(0.3, checks[0].GetProperty("actual").GetDouble(), 6);
        Assert.Equal("ok", checks[1].GetProperty("status").GetString());
        Assert.Equal(2, checks[1].GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task Check_ThresholdsJson_BuildAndRuntimeSectionsBecomeBudgets()
    {
        await WriteAsync("Vigil.Exec", "vigil-exec", "dotnet build", [100, 200], [new("cicd.pipeline.task.name", "dotnet build"), new("cicd.pipeline.task.run.result", "success"), new("vigil.exec.output.size", 5000L)]);
        await WriteAsync("Vigil", "shop", "checkout", [0.5], [new("vigil.operation.outcome", "success")], firstIndex: 10);
        _directory.Write("thresholds.json", """{"build": {"maxDuration": 150000, "maxOutputSize": "1MB"}, "runtime": {"maxExecutionTime": 1000, "maxErrorRate": 0.1, "maxMemoryUsage": "1GB"}}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--file", "thresholds.json", "--json");

        Assert.Equal(1, run.ExitCode);
        var checks = Checks(run.Stdout).Select(c => (c.GetProperty("command").GetString(), c.GetProperty("limit").GetString(), c.GetProperty("status").GetString())).ToList();
        Assert.Equal(
            [
                ("dotnet build*", "p95 duration", "over"),
                ("dotnet build*", "max output size", "ok"),
                ("*", "p95 duration", "ok"),
                ("*", "max memory", "too_few_runs"),
                ("*", "error rate", "ok"),
            ],
            checks);
    }

    [Theory]
    [InlineData("vigil.budgets.json", """{"budgets": [{"command": "x", "project": "y", "maxDuration": "1s"}]}""", "budgets[0].project: give one of command, build, project, operation or span, not command and project")]
    [InlineData("vigil.budgets.json", """{"budgets": [{"span": "GET /", "service": "", "maxDuration": "1s"}]}""", "budgets[0].service: expected a non-empty string")]
    [InlineData("thresholds.json", """{"build": {"maxDuraton": 5}}""", "build.maxDuraton: unknown key (did you mean maxDuration?)")]
    [InlineData("thresholds.json", """{"build": {"deadline": 5}}""", "build.deadline: unknown key (known: maxDuration, maxMemoryUsage, maxOutputSize)")]
    [InlineData("thresholds.json", """{"tests": {}}""", "tests: unknown key (known: build, runtime)")]
    [InlineData("thresholds.json", """{"runtime": {"maxErrorRate": 7}}""", "runtime is budgets[0]): budgets[0].maxErrorRate: expected a number from 0 to 1")]
    [InlineData("vigil.json", """{"service": {"name": "shop"}, "budgets": {"command": "x"}}""", "budgets: expected an array of budgets")]
    public async Task Check_MalformedKindOrShape_ExitsOneNamingTheKey(string file, string contents, string message)
    {
        await _store.CreateAsync();
        _directory.Write(file, contents);

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--file", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecBudget_OutputOverLimit_ExitsOneOnSuccessButKeepsTheChildsFailure()
    {
        var store = _directory.Combine("exec.db");
        _directory.Write("b.json", """{"budgets": [{"command": "sh", "maxOutputSize": "10B"}, {"command": "other", "maxOutputSize": "1B"}]}""");
        _directory.Write("vigil.budgets.json", """{"budgets": [{"command": "sh", "maxOutputSize": "1KiB"}]}""");
        var environment = new Dictionary<string, string?>();

        var over = await Exec.VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", store, "--budget", "b.json", "--", "sh", "-c", "echo 0123456789abcdef");
        var failing = await Exec.VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", store, "--budget", "b.json", "--", "sh", "-c", "echo 0123456789abcdef; exit 3");
        var byName = await Exec.VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", store, "--budget", "sh", "--", "sh", "-c", "echo hi");
        var unknown = await Exec.VigilProcess.RunAsync(_directory.Path, environment, null, "exec", "--store", store, "--budget", "nightly", "--", "sh", "-c", "echo never");

        Assert.Equal(1, over.ExitCode);
        Assert.Equal("0123456789abcdef\n", over.Stdout);
        Assert.Contains("OVER", over.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("other", over.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, failing.ExitCode);
        Assert.Equal(0, byName.ExitCode);
        Assert.Contains("none over", byName.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(string.Empty, unknown.Stdout);
        Assert.Contains("--budget: no command budget named 'nightly'", unknown.Stderr, StringComparison.Ordinal);
    }

    private static List<JsonElement> Checks(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.Clone())];
    }

    // One root span per trace, a minute apart, oldest first.
    private async Task WriteAsync(string scope, string service, string name, double[] seconds, KeyValuePair<string, object?>[] attributes, int firstIndex = 0)
    {
        var start = CliHarness.Now.AddHours(-1);
        var spans = seconds.Select((s, i) => Some.Span(name, (firstIndex + i + 1).ToString("x16", CultureInfo.InvariantCulture), null, start.AddMinutes(firstIndex + i), TimeSpan.FromSeconds(s), (firstIndex + i).ToString("x32", CultureInfo.InvariantCulture), service, SpanStatusCode.Unset) with
        {
            Attributes = attributes,
            Scope = new InstrumentationScopeInfo { Name = scope },
        });
        await _store.WriteSpansAsync([.. spans]);
    }
}
