using System.ComponentModel;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>The current health: every check and probe, and the worst of them, as <c>vigil health</c> shows it.</summary>
[McpServerToolType]
internal sealed class HealthTools(ITriageStore triage)
{
    [McpServerTool(Name = "get_health", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The current health: the overall status (the worst; a check that stopped reporting counts as unhealthy) and each check and probe with its status, since when, and its description.")]
    public async Task<HealthResultView> GetAsync(
        [Description("Only this service.")] string? service = null,
        CancellationToken cancellationToken = default)
    {
        var states = await triage.QueryHealthAsync(new HealthQuery { ServiceName = ToolArguments.Text("service", service, 512) }, cancellationToken).ConfigureAwait(false);
        return new HealthResultView
        {
            Status = states.Count == 0 ? "unknown" : Name(HealthState.Worst(states)),
            Checks = [.. states.Select(s => new HealthResultView.Check
            {
                Kind = s.Latest.Kind.ToString().ToLowerInvariant(),
                Service = s.Latest.ServiceName,
                Name = s.Latest.Name,
                Status = Name(s.Status),
                Stale = s.IsStale,
                Since = s.Since,
                LastResult = s.Latest.Timestamp,
                Description = Shortened.Text(s.Latest.Description, 300),
            })],
        };
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
