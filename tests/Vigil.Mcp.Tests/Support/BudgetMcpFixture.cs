using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.Sqlite;
using Vigil.Testing.Budgets;

namespace Vigil.Mcp.Tests.Support;

/// <summary>
/// Every transport given a configuration whose <c>Alerts:BudgetsFile</c> names a budget file beside it, over the
/// shared seed plus runs as vigil exec and the MSBuild logger record them; <see cref="Runs"/> is the second source.
/// </summary>
public sealed class BudgetMcpFixture : McpFixture
{
    /// <summary>The budget file: a command over its duration and within its output size, one with too few runs, a project within.</summary>
    public const string Budgets = """
        {"budgets": [
          {"command": "dotnet build", "maxDuration": "20s", "maxOutputSize": "1MB"},
          {"command": "dotnet test", "maxDuration": "1m", "minRuns": 5},
          {"project": "Lib.csproj", "maxDuration": "6s", "percentile": 50}
        ]}
        """;

    /// <summary>Three builds (10, 12, 30 s), two test runs, and Lib.csproj in three builds (4, 5, 9 s).</summary>
    public RecordedRuns Runs { get; } = new RecordedRuns(DateTimeOffset.UtcNow.AddHours(-1), firstTrace: 0x7100)
        .Command("dotnet build", [10, 12, 30])
        .Command("dotnet test", [5, 6])
        .Project("Lib.csproj", [4, 5, 9]);

    protected override bool AllowWrites => false;

    protected override string Configuration => """{ "Alerts": { "DefaultRules": false, "BudgetsFile": "ci/budgets.json" } }""";

    protected override async Task WriteMoreAsync(string storePath)
    {
        var ci = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(storePath)!, "ci"));
        await File.WriteAllTextAsync(Path.Combine(ci.FullName, "budgets.json"), Budgets);
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Writer);
        await store.WriteAsync(new TelemetryBatch { Spans = [.. Runs.Spans] });
    }
}
