using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Vigil.Alerting.Budgets;
using Vigil.Mcp.Arguments;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>
/// Budget state: every budget of the host's budget file judged now against the recorded runs, as
/// <c>vigil budgets check</c> and the <c>budget</c> alert rules judge them (<see cref="BudgetReport"/>).
/// </summary>
[McpServerToolType]
internal sealed class BudgetTools(IBudgetSource source, ITelemetryReader reader)
{
    /// <summary>The status words an argument may use.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Statuses = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["all"] = null,
        ["ok"] = "ok",
        ["over"] = "over",
        ["too_few_runs"] = "too_few_runs",
    };

    /// <summary>What an empty answer says when there is no budget file, so the assistant can tell a person where to look.</summary>
    public static string NoFile(string path) =>
        $"no budget file at {path}: budgets are declared in vigil.budgets.json (or the budgets section of vigil.json) beside the server's configuration file, or in the file Alerts:BudgetsFile names; see docs/builds.md";

    [McpServerTool(Name = "list_budgets", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List budget state: each limit of each budget in the budget file (vigil budgets check) judged now against the recorded vigil exec, MSBuild, operation and span runs: status ok, over or too_few_runs (not judged: fewer runs than minRuns), the measured value and the limit (seconds, bytes or a 0-1 ratio), how far over, how many runs were judged and the newest run's trace id. Reads at most 1000 traces per service. At most `limit` limits (default 20, at most 200).")]
    public async Task<BudgetListResult> ListAsync(
        [Description("Only the budget of this name: its command (or build, project, operation, span) as the file writes it.")] string? name = null,
        [Description("all (default), ok, over or too_few_runs.")] string? status = null,
        [Description("The service.name vigil exec recorded under (default vigil-exec).")] string? execService = null,
        [Description("How many limits, 1 to 200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var onlyName = ToolArguments.Text("name", name, 512);
        var onlyStatus = ToolArguments.Choice("status", status, Statuses, null);
        var service = ToolArguments.Text("execService", execService, 512);
        var take = ToolArguments.Limit("limit", limit, ToolLimits.DefaultItems);
        var report = await BudgetReport.ReadAsync(source, reader, service, cancellationToken).ConfigureAwait(false);
        if (!report.Exists && !source.IsConfigured)
        {
            return new BudgetListResult { File = report.File, Returned = 0, MoreMatched = false, Over = 0, TooFewRuns = 0, Budgets = [], Note = NoFile(report.File) };
        }

        // A configured file that is missing or wrong is the host's mistake, said plainly rather than as "no budgets".
        if (report.Problems.Count > 0)
        {
            throw new McpException($"the budget file cannot be used: {string.Join("; ", report.Problems)}");
        }

        var matched = report.Checks
            .Select(BudgetView.Of)
            .Where(v => onlyName is null || string.Equals(v.Budget, onlyName, StringComparison.Ordinal))
            .Where(v => onlyStatus is null || v.Status == onlyStatus)
            .ToList();
        return new BudgetListResult
        {
            File = report.File,
            Returned = Math.Min(take, matched.Count),
            MoreMatched = matched.Count > take,
            Over = matched.Count(v => v.Status == "over"),
            TooFewRuns = matched.Count(v => v.Status == "too_few_runs"),
            Budgets = [.. matched.Take(take)],
        };
    }
}
