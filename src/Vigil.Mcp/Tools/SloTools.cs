using System.ComponentModel;
using ModelContextProtocol.Server;
using Vigil.Alerting.Slos;
using Vigil.Mcp.Arguments;

namespace Vigil.Mcp.Tools;

/// <summary>
/// SLOs, each evaluated when asked, by the evaluator the alert rules use: on <c>vigil serve</c> the rule engine's SLOs
/// (a reload shows at once), on <c>vigil mcp</c> those of the configuration file it was given.
/// </summary>
[McpServerToolType]
internal sealed class SloTools(ISloSource source, SloEvaluator evaluator)
{
    /// <summary>What an empty answer says when nothing is declared, so the assistant can tell a person where to look.</summary>
    public const string NoneDeclared =
        "no SLOs are declared: they come from Alerts:Slos in the server's configuration file (vigil serve --config FILE; vigil mcp --config FILE reads the same file), see docs/slo.md";

    [McpServerTool(Name = "list_slos", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List SLOs evaluated now: objective and window, good and total events, attainment, the share of the error budget left (below 0 when overspent) and the burn rate, and each burn-rate alert's long and short windows with their burn rates and whether it is active. Figures are fractions (0.999 = 99.9 %); null means no events.")]
    public async Task<SloListResult> ListAsync(
        [Description("Only SLOs of this service.")] string? service = null,
        [Description("Only the SLO of this name (case-insensitive).")] string? name = null,
        CancellationToken cancellationToken = default)
    {
        var onlyService = ToolArguments.Text("service", service, 512);
        var onlyName = ToolArguments.Text("name", name, 512);
        var declared = source.Slos;
        var matched = declared
            .Where(slo => onlyService is null || string.Equals(slo.Service, onlyService, StringComparison.Ordinal))
            .Where(slo => onlyName is null || string.Equals(slo.Name, onlyName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var views = new List<SloView>(Math.Min(matched.Count, ToolLimits.MaxItems));
        foreach (var slo in matched.Take(ToolLimits.MaxItems))
        {
            views.Add(SloView.Of(await evaluator.EvaluateAsync(slo, cancellationToken).ConfigureAwait(false)));
        }

        return new SloListResult
        {
            Returned = views.Count,
            MoreMatched = matched.Count > views.Count,
            Slos = views,
            Note = declared.Count == 0 ? NoneDeclared : null,
        };
    }
}
