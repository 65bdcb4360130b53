using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Budget;
using Vigil.Model;
using Vigil.Testing.Budgets;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>
/// The budget kind against a real SQLite store holding runs as vigil exec and the MSBuild logger record them, with the
/// budget file beside it (the default file of the load's directory), judged as vigil budgets check judges them.
/// </summary>
public sealed class BudgetConditionTests : IAsyncDisposable
{
    private readonly ConditionHarness _harness = new();

    public ValueTask DisposeAsync() => _harness.DisposeAsync();

    private static AlertRuleOptions Rule(string name) => new() { Name = "BuildBudget", Kind = "budget", Budget = new BudgetRuleOptions { Name = name } };

    [Fact]
    public async Task Evaluate_CommandOverItsP95_HoldsWithTheValueTheLimitAndTheRunsJudged()
    {
        // Arrange: three builds of 10, 12 and 30 s; the p95 of three (nearest rank) is the slowest, against 20 s.
        var runs = new RecordedRuns(ConditionHarness.Now.AddHours(-1)).Command("dotnet build", [10, 12, 30]);
        await _harness.WriteAsync(new TelemetryBatch { Spans = runs.Spans });
        _harness.Directory.Write("vigil.budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "20s"}, {"command": "dotnet test", "maxDuration": "1s"}]}""");

        // Act
        var sample = Assert.Single(await _harness.EvaluateAsync(Rule("dotnet build")));

        // Assert
        Assert.True(sample.IsActive);
        Assert.Equal(30, sample.Value);
        Assert.Equal(20, sample.Threshold);
        Assert.Equal(AlertLabels.From([new("budget", "dotnet build"), new("budget_kind", "command"), new("limit", "maxDuration"), new("percentile", "95")]), sample.Labels);
        Assert.Equal($"p95 duration 30s against 20s (+50%), 3 runs judged, newest trace {runs.TraceIds[^1]}", sample.Evidence.Detail);
        Assert.Equal(runs.TraceIds[^1], sample.Evidence.TraceId);
    }

    [Fact]
    public async Task Evaluate_UnderEveryLimit_DoesNotHold()
    {
        await _harness.WriteAsync(new TelemetryBatch { Spans = new RecordedRuns(ConditionHarness.Now.AddHours(-1)).Command("dotnet build", [10, 12]).Spans });
        _harness.Directory.Write("vigil.budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "20s", "maxOutputSize": "1MB", "maxErrorRate": 0}]}""");

        var samples = await _harness.EvaluateAsync(Rule("dotnet build"));

        Assert.Equal(["maxDuration", "maxOutputSize", "maxErrorRate"], samples.Select(s => s.Labels["limit"]));
        Assert.All(samples, s => Assert.False(s.IsActive));
        Assert.Equal([12.0, 2048.0, 0.0], samples.Select(s => s.Value!.Value));
    }

    [Fact]
    public async Task Evaluate_TooFewRuns_DoesNotHoldHasNoValueAndSaysSo()
    {
        // Two runs, both far over the limit, but the budget needs five before it judges.
        await _harness.WriteAsync(new TelemetryBatch { Spans = new RecordedRuns(ConditionHarness.Now.AddHours(-1)).Command("dotnet build", [60, 60]).Spans });
        _harness.Directory.Write("vigil.budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "1s", "minRuns": 5, "maxSlowerThanMedian": 10}]}""");

        var samples = await _harness.EvaluateAsync(Rule("dotnet build"));

        Assert.Equal(2, samples.Count);
        Assert.All(samples, s => Assert.False(s.IsActive));
        Assert.All(samples, s => Assert.Null(s.Value));
        Assert.Equal(1, samples[0].Threshold);
        Assert.Null(samples[1].Threshold);
        Assert.Equal("p95 duration: too few runs to judge (2 found; minRuns is 5, the window 10)", samples[0].Evidence.Detail);
    }

    [Fact]
    public async Task Evaluate_ProjectBudgetsByPercentile_JudgeTheLoggersProjectSpansApart()
    {
        // Lib.csproj took 4, 5 and 9 s in three builds: p50 (5 s) is within 6 s, p99 (9 s) is over.
        await _harness.WriteAsync(new TelemetryBatch { Spans = new RecordedRuns(ConditionHarness.Now.AddHours(-1)).Project("Lib.csproj", [4, 5, 9]).Spans });
        _harness.Directory.Write("vigil.json", """{"budgets": [{"project": "Lib.csproj", "maxDuration": "6s", "percentile": 50}, {"project": "Lib.csproj", "maxDuration": "6s", "percentile": 99}]}""");

        var samples = await _harness.EvaluateAsync(Rule("Lib.csproj"));

        Assert.Equal([("50", false, 5.0), ("99", true, 9.0)], samples.Select(s => (s.Labels["percentile"], s.IsActive, s.Value!.Value)));
        Assert.All(samples, s => Assert.Equal("project", s.Labels["budget_kind"]));
    }

    [Fact]
    public void Detail_OverBudget_NamesTheLimitTheMeasurementAndTheRuns()
    {
        var budget = new Vigil.Alerting.Budgets.BudgetDefinition { Command = "dotnet build", MaxOutputBytes = 1000 };
        var check = new Vigil.Alerting.Budgets.BudgetCheck("dotnet build", "max output size", 1000, 1500, Vigil.Alerting.Budgets.BudgetStatus.Over, ["b", "a"], "B");

        Assert.Equal("max output size 1.46 KiB against 1000 B (+50%), 2 runs judged, newest trace b", BudgetCondition.Detail(budget, check));
    }
}
