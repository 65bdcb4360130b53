using System.ComponentModel;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>Alerts and silences as the store keeps them (<see cref="IAlertTriageStore"/>).</summary>
[McpServerToolType]
internal sealed class AlertTools(IAlertTriageStore alerts, VigilMcpOptions options)
{
    /// <summary>The state words an argument may use.</summary>
    public static readonly IReadOnlyDictionary<string, AlertState[]> States = new Dictionary<string, AlertState[]>(StringComparer.Ordinal)
    {
        ["firing"] = [AlertState.Firing],
        ["pending"] = [AlertState.Pending],
        ["resolved"] = [AlertState.Resolved],
        ["active"] = [AlertState.Firing, AlertState.Pending],
        // The store reads no states as "firing and pending", so every state is named.
        ["all"] = [AlertState.Pending, AlertState.Firing, AlertState.Resolved],
    };

    [McpServerTool(Name = "list_alerts", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List alert instances: firing (default), pending, active (both), resolved or all. Each with id, rule, labels, value and threshold, since when, and its acknowledgement (who, when). At most `limit` (default 20, at most 200).")]
    public async Task<AlertListResult> ListAsync(
        [Description("firing (default), pending, active, resolved or all.")] string? state = null,
        [Description("Only alerts of this rule.")] string? rule = null,
        [Description("How many alerts, 1 to 200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("limit", limit, ToolLimits.DefaultItems);
        var found = await alerts.QueryAlertsAsync(
            new AlertQuery
            {
                States = ToolArguments.Choice("state", state, States, [AlertState.Firing]),
                RuleName = ToolArguments.Text("rule", rule, 512),
                Limit = take + 1,
            },
            cancellationToken).ConfigureAwait(false);
        return new AlertListResult
        {
            Returned = Math.Min(take, found.Count),
            MoreMatched = found.Count > take,
            Alerts = [.. found.Take(take).Select(AlertView.Of)],
        };
    }

    [McpServerTool(Name = "list_silences", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List the active and pending silences: matchers, start and end, who created them and why.")]
    public async Task<SilenceListResult> ListSilencesAsync(CancellationToken cancellationToken = default)
    {
        var now = options.Clock.GetUtcNow();
        var silences = await alerts.QuerySilencesAsync(now, includeExpired: false, cancellationToken).ConfigureAwait(false);
        return new SilenceListResult
        {
            Returned = Math.Min(ToolLimits.MaxItems, silences.Count),
            MoreMatched = silences.Count > ToolLimits.MaxItems,
            Silences = [.. silences.Take(ToolLimits.MaxItems).Select(s => SilenceView.Of(s, now))],
        };
    }
}
