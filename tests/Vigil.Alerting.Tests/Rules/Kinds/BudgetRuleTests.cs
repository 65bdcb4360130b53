using Microsoft.Extensions.Hosting;
using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Budget;
using Vigil.Model;
using Vigil.Testing.Budgets;

namespace Vigil.Alerting.Tests.Rules.Kinds;

/// <summary>
/// Budget rules as a server loads them (the budget file relative to the configuration file) and runs them: the
/// validator's errors name the key, and through the real engine and SQLite store the alert fires while the budget is
/// over and resolves once newer runs bring it under.
/// </summary>
public sealed class BudgetRuleTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static AlertingSection Section(string budget, string? budgetsFile = null)
    {
        var section = new AlertingSection { DefaultRules = false, BudgetsFile = budgetsFile };
        section.Rules.Add(new AlertRuleOptions { Name = "BuildBudget", Kind = "budget", Interval = "10s", Budget = new BudgetRuleOptions { Name = budget } });
        return section;
    }

    private string Config => _directory.Combine("vigil.server.json");

    [Fact]
    public void Load_MissingDefaultFile_NamesTheKeyAndWhereItLooked()
    {
        var problem = Assert.Single(RuleSet.Load(Section("dotnet build"), Config).Problems);

        Assert.Equal("Alerts:Rules:0:Budget:Name", problem.Path);
        Assert.Contains($"the default budget file ({_directory.Combine("vigil.budgets.json")}; set Alerts:BudgetsFile to read another) does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedFile_NamesTheRuleKeyAndTheFilesOwnKey()
    {
        _directory.Write("ci/budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuraton": "5m"}]}""");

        var problem = Assert.Single(RuleSet.Load(Section("dotnet build", "ci/budgets.json"), Config).Problems);

        Assert.Equal("Alerts:Rules:0:Budget:Name", problem.Path);
        Assert.Contains("budget 'dotnet build': Alerts:BudgetsFile cannot be used: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("ci/budgets.json: budgets[0].maxDuraton: unknown key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownBudgetName_ListsTheFilesBudgets()
    {
        _directory.Write("vigil.budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "5m"}, {"project": "Lib.csproj", "maxDuration": "1m"}]}""");

        var problem = Assert.Single(RuleSet.Load(Section("dotnet biuld"), Config).Problems);

        Assert.Equal("Alerts:Rules:0:Budget:Name", problem.Path);
        Assert.Contains("'dotnet biuld' is not a budget in", problem.Message, StringComparison.Ordinal);
        Assert.Contains("its budgets are 'dotnet build', 'Lib.csproj'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoBudgetSectionOrName_AndABlankBudgetsFile_AreEachNamed()
    {
        var section = new AlertingSection { DefaultRules = false, BudgetsFile = " " };
        section.Rules.Add(new AlertRuleOptions { Name = "A", Kind = "budget" });
        section.Rules.Add(new AlertRuleOptions { Name = "B", Kind = "budget", Budget = new BudgetRuleOptions() });

        var problems = RuleSet.Load(section, Config).Problems;

        Assert.Equal(["Alerts:BudgetsFile", "Alerts:Rules:0:Budget", "Alerts:Rules:1:Budget:Name"], problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_TwoBudgetsOfOneNameWithTheSameLimit_IsRefused()
    {
        _directory.Write("vigil.budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "5m"}, {"command": "dotnet build", "maxDuration": "4m", "runs": 3}]}""");

        var problem = Assert.Single(RuleSet.Load(Section("dotnet build"), Config).Problems);

        Assert.Contains("set the same limit for the same percentile, branch and service", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BudgetRule_WatchesTheBudgetFileAndAnnotatesBydefault()
    {
        _directory.Write("ci/budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "5m"}]}""");

        var set = RuleSet.Load(Section("dotnet build", "ci/budgets.json"), Config);

        Assert.Empty(set.Problems);
        Assert.Contains(_directory.Combine("ci", "budgets.json"), set.Files);
        Assert.Equal("Budget {{ labels.budget }} is over its {{ labels.limit }} limit: {{ detail }}", Assert.Single(set.Rules).Annotations["summary"].Text);
    }

    [Fact]
    public async Task Engine_OverThenUnder_FiresWithTheMeasurementThenResolves()
    {
        // Arrange: three 30 s builds against a 20 s p95 over the last three runs.
        await using var fixture = new EngineFixture();
        var start = fixture.Time.GetUtcNow().AddHours(-1);
        await fixture.Store.WriteAsync(new TelemetryBatch { Spans = new RecordedRuns(start).Command("dotnet build", [30, 30, 30]).Spans });
        _directory.Write("ci/budgets.json", """{"budgets": [{"command": "dotnet build", "maxDuration": "20s", "runs": 3}]}""");
        using var engine = fixture.Engine(new AlertRuleSource(Section("dotnet build", "ci/budgets.json"), Config));

        // Act: fire, then three newer, faster builds leave the window under the limit.
        await ((IHostedService)engine).StartAsync(CancellationToken.None);
        var firing = await Eventually.WaitForAsync(() => fixture.Notifier.All.FirstOrDefault(a => a.State == AlertState.Firing), "the firing budget alert handed over");
        await fixture.Store.WriteAsync(new TelemetryBatch { Spans = new RecordedRuns(start.AddMinutes(10), firstTrace: 100).Command("dotnet build", [5, 6, 7]).Spans });
        await fixture.AdvanceUntilAsync(async () => (await fixture.AlertsAsync(AlertState.Resolved)).Count == 1, "the budget alert resolved", TimeSpan.FromSeconds(10));
        await ((IHostedService)engine).StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal("dotnet build", firing.Labels["budget"]);
        Assert.Equal("maxDuration", firing.Labels["limit"]);
        Assert.Equal(30, firing.Value);
        Assert.Equal(20, firing.Threshold);
        Assert.StartsWith("Budget dotnet build is over its maxDuration limit: p95 duration 30s against 20s (+50%), 3 runs judged, newest trace ", firing.Annotations["summary"], StringComparison.Ordinal);
        var resolved = Assert.Single(await fixture.AlertsAsync(AlertState.Resolved));
        Assert.Equal(firing.Id, resolved.Id);
        Assert.Equal(7, resolved.Value);
    }
}
