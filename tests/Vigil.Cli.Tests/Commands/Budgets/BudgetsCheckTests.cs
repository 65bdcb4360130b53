using System.Globalization;
using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Model;

namespace Vigil.Cli.Tests.Commands.Budgets;

/// <summary>
/// <c>vigil budgets check</c> over a real store holding a synthetic history of <c>vigil exec</c> runs (spans as
/// vigil exec records them), through the CLI's composition root.
/// </summary>
public sealed class BudgetsCheckTests : IDisposable
{
    private readonly TempStore _store = new();
    private readonly TempDirectory _directory = new();
    private readonly CliHarness _cli = new();

    public BudgetsCheckTests() => _cli.CurrentDirectory = _directory.Path;

    public void Dispose()
    {
        _store.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Check_AllUnderBudget_ExitsZeroAndSaysNoneOver()
    {
        await WriteRunsAsync("dotnet build", [10, 12, 11, 13, 12]);
        Budgets("""{"budgets": [{"command": "dotnet build", "maxDuration": "20s", "maxMemoryUsage": "1GiB", "maxErrorRate": 0.5}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path);

        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);
        Assert.Contains("3 limits checked: none over.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_P95OverLimit_ExitsOneAndNamesByHowMuch()
    {
        // Nearest-rank p95 of ten runs is the 10th value: 30 s against a 20 s limit, 50 % over.
        await WriteRunsAsync("dotnet build", [10, 10, 10, 10, 10, 10, 10, 10, 10, 30]);
        Budgets("""{"budgets": [{"command": "dotnet *", "maxDuration": "20s"}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        var check = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("over", check.GetProperty("status").GetString());
        Assert.Equal(30, check.GetProperty("actual").GetDouble(), 3);
        Assert.Equal(0.5, check.GetProperty("overBy").GetDouble(), 3);
        Assert.Equal(10, check.GetProperty("runs").GetArrayLength());
    }

    [Fact]
    public async Task Check_ErrorRateOver_CountsFailedRuns()
    {
        await WriteRunsAsync("dotnet test", [5, 5, 5, 5], failed: [true, true, false, false]);
        Budgets("""{"budgets": [{"command": "dotnet test", "maxErrorRate": 0.25}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("OVER", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("50%", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 of 1 limit over budget.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RelativeBudget_LatestSlowerThanMedianOfHistory_IsOver()
    {
        // Oldest first: nine runs around 10 s (median 10 s), then the latest at 12 s, 20 % slower: over a 10 % budget.
        await WriteRunsAsync("make", [9, 10, 11, 10, 10, 9, 11, 10, 10, 12]);
        Budgets("""{"budgets": [{"command": "make", "maxSlowerThanMedian": 10}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var check = Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal(11, check.GetProperty("max").GetDouble(), 3);
        Assert.Equal(12, check.GetProperty("actual").GetDouble(), 3);
    }

    [Fact]
    public async Task Check_RelativeBudget_LatestWithinMargin_IsOk()
    {
        await WriteRunsAsync("make", [10, 10, 10, 10.5]);
        Budgets("""{"budgets": [{"command": "make", "maxSlowerThanMedian": 10}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Check_TooFewRuns_SaysSoInsteadOfPassingSilently()
    {
        await WriteRunsAsync("dotnet build", [10, 11]);
        Budgets("""{"budgets": [{"command": "dotnet build", "maxDuration": "1s", "minRuns": 5}, {"command": "never run", "maxDuration": "1s"}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, run.Stdout.Split('\n').Count(l => l.StartsWith("TOO FEW RUNS", StringComparison.Ordinal)));
        Assert.Contains("2 limits checked: none over, 2 with too few runs to judge.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BranchFilter_JudgesOnlyThatBranchsRuns()
    {
        await WriteRunsAsync("dotnet build", [100, 100], branch: "feature");
        await WriteRunsAsync("dotnet build", [10, 10], branch: "main", firstIndex: 2);
        Budgets("""{"budgets": [{"command": "dotnet build", "branch": "main", "maxDuration": "20s"}]}""");

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, Assert.Single(json.RootElement.GetProperty("checks").EnumerateArray()).GetProperty("runs").GetArrayLength());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "budgets: expected an array of budgets")]
    [InlineData("""{"budgets": [{"command": "x", "maxDuraton": "5m"}]}""", "budgets[0].maxDuraton: unknown key (did you mean maxDuration?)")]
    [InlineData("""{"budgets": [{"command": "x", "MaxDuration": "5m"}]}""", "did you mean maxDuration?")]
    [InlineData("""{"budgets": [{"command": "x", "maxDuration": "five minutes"}]}""", "budgets[0].maxDuration: 'five minutes' is not a duration")]
    [InlineData("""{"budgets": [{"command": "x", "maxMemoryUsage": "2 lots"}]}""", "budgets[0].maxMemoryUsage: \"2 lots\" is not a size")]
    [InlineData("""{"budgets": [{"command": "x", "maxErrorRate": 1.5}]}""", "budgets[0].maxErrorRate: expected a number from 0 to 1")]
    [InlineData("""{"budgets": [{"command": "x", "maxDuration": "1s", "percentile": 90}]}""", "budgets[0].percentile: expected 50, 95 or 99")]
    [InlineData("""{"budgets": [{"command": "x", "maxDuration": "1s", "runs": 2, "minRuns": 3}]}""", "budgets[0].minRuns: 3 is more than runs (2)")]
    [InlineData("""{"budgets": [{"maxDuration": "1s"}]}""", "budgets[0].command: required")]
    [InlineData("""{"budgets": [{"command": "x"}]}""", "budgets[0]: sets no limit")]
    [InlineData("""{"budgets": [5]}""", "budgets[0]: expected an object")]
    [InlineData("""{"budgets": [], "extra": 1}""", "extra: unknown key")]
    public async Task Check_MalformedBudgetFile_ExitsOneNamingTheKey(string contents, string message)
    {
        await _store.CreateAsync();
        Budgets(contents);

        var run = await _cli.RunAsync("budgets", "check", "--store", _store.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Check_OversizedOrDeeplyNestedFile_IsRefusedWithReason()
    {
        await _store.CreateAsync();
        _directory.Write("huge.json", "{\"budgets\": [" + string.Join(',', Enumerable.Repeat("{\"command\":\"x\",\"maxDuration\":\"1s\"}", 40_000)) + "]}");
        _directory.Write("deep.json", new string('[', 100) + new string(']', 100));

        var huge = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--file", "huge.json");
        var deep = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--file", "deep.json");
        var missing = await _cli.RunAsync("budgets", "check", "--store", _store.Path, "--file", "missing.json");

        Assert.Equal(1, huge.ExitCode);
        Assert.Contains("too large for a budget file", huge.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, deep.ExitCode);
        Assert.Contains("not valid JSON", deep.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("missing.json: no such file", missing.Stderr, StringComparison.Ordinal);
    }

    private void Budgets(string contents) => _directory.Write("vigil.budgets.json", contents);

    // Runs oldest first, a minute apart, recorded as vigil exec records them: one root span per trace.
    private async Task WriteRunsAsync(string task, double[] seconds, bool[]? failed = null, string? branch = null, int firstIndex = 0)
    {
        var start = CliHarness.Now.AddHours(-1);
        var spans = new List<SpanEntry>();
        for (var i = 0; i < seconds.Length; i++)
        {
            var index = firstIndex + i;
            var traceId = index.ToString("x32", CultureInfo.InvariantCulture);
            var isFailed = failed?[i] ?? false;
            List<KeyValuePair<string, object?>> attributes =
            [
                new("cicd.pipeline.task.name", task),
                new("cicd.pipeline.task.run.result", isFailed ? "failure" : "success"),
                new("vigil.exec.memory.peak", 100L * 1024 * 1024),
                new("vigil.exec.output.size", 2048L),
            ];
            if (branch is not null)
            {
                attributes.Add(new("vcs.ref.head.name", branch));
            }

            spans.Add(Some.Span(task, (index + 1).ToString("x16", CultureInfo.InvariantCulture), null, start.AddMinutes(index), TimeSpan.FromSeconds(seconds[i]), traceId, "vigil-exec", isFailed ? SpanStatusCode.Error : SpanStatusCode.Unset) with
            {
                Attributes = attributes,
                Scope = new InstrumentationScopeInfo { Name = "Vigil.Exec" },
            });
        }

        await _store.WriteSpansAsync([.. spans]);
    }
}
