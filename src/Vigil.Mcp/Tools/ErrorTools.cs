using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>Error groups: summaries, then one group's detail with its latest stack, through <see cref="ITriageStore"/>.</summary>
[McpServerToolType]
internal sealed class ErrorTools(ITriageStore triage, VigilMcpOptions options)
{
    /// <summary>The status words an argument may use, as <c>vigil errors</c> spells them.</summary>
    public static readonly IReadOnlyDictionary<string, ErrorGroupStatus?> StatusFilters = new Dictionary<string, ErrorGroupStatus?>(StringComparer.Ordinal)
    {
        ["unresolved"] = ErrorGroupStatus.Unresolved,
        ["resolved"] = ErrorGroupStatus.Resolved,
        ["ignored"] = ErrorGroupStatus.Ignored,
        ["all"] = null,
    };

    [McpServerTool(Name = "list_error_groups", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("List error groups (exceptions grouped by cause), latest activity first: id, type, message, culprit, count, first and last seen, status, severity. At most `limit` (default 20, at most 200); get_error_group gives one group's stack.")]
    public async Task<ErrorGroupListResult> ListAsync(
        [Description("unresolved (default), resolved, ignored or all.")] string? status = null,
        [Description("Only groups seen in this service.")] string? service = null,
        [Description("Only groups seen since: a duration back from now (24h) or an RFC 3339 time.")] string? since = null,
        [Description("How many groups, 1 to 200 (default 20).")] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        var take = ToolArguments.Limit("limit", limit, ToolLimits.DefaultItems);
        var groups = await triage.QueryErrorGroupsAsync(
            new ErrorGroupQuery
            {
                Status = ToolArguments.Choice("status", status, StatusFilters, ErrorGroupStatus.Unresolved),
                ServiceName = ToolArguments.Text("service", service, 512),
                From = ToolArguments.Time("since", since, options.Clock.GetUtcNow()),
                Limit = take + 1,
            },
            cancellationToken).ConfigureAwait(false);
        return new ErrorGroupListResult
        {
            Returned = Math.Min(take, groups.Count),
            MoreMatched = groups.Count > take,
            Groups = [.. groups.Take(take).Select(ErrorGroupView.Of)],
        };
    }

    [McpServerTool(Name = "get_error_group", ReadOnly = true, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One error group: its summary, its latest stack trace (first 40 lines), its hourly counts over `hours` (default 24) and its latest events (default 5).")]
    public async Task<ErrorGroupDetailResult> GetAsync(
        [Description("The group's id, as list_error_groups shows it.")] long id,
        [Description("Hours of counts, 1 to 168 (default 24).")] int? hours = null,
        [Description("How many latest events, 1 to 20 (default 5).")] int? events = null,
        CancellationToken cancellationToken = default)
    {
        var groupId = ToolArguments.Id("id", id, "an error group id");
        var detail = await triage.GetErrorGroupAsync(
            groupId,
            ToolArguments.Limit("hours", hours, 24, 168),
            ToolArguments.Limit("events", events, 5, 20),
            cancellationToken).ConfigureAwait(false)
            ?? throw new McpException($"id: no error group {groupId} in the store (list_error_groups shows the ids)");
        return ErrorGroupDetailResult.Of(detail);
    }
}
