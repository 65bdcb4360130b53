using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using Vigil.Mcp.Arguments;
using Vigil.Mcp.Audit;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Tools;

/// <summary>
/// The three changes an assistant may make, each through the store path the CLI and the query API use (so the
/// acknowledgement and the silence keep their author), each refused unless <see cref="VigilMcpOptions.AllowWrites"/>
/// is on, and each recorded by <see cref="WriteAudit"/>. Listed even when off, so an assistant can tell a person how
/// to turn them on instead of guessing they do not exist.
/// </summary>
[McpServerToolType]
internal sealed class WriteTools(IAlertTriageStore alerts, ITriageStore triage, WriteAudit audit, VigilMcpOptions options)
{
    /// <summary>The refusal when writes are off.</summary>
    public const string Refusal = "write actions are off on this server: a person can start it with --allow-writes (vigil mcp --allow-writes, or vigil serve --mcp-allow-writes); nothing was changed";

    /// <summary>The longest silence an assistant may create.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(7);

    private static readonly IReadOnlyDictionary<string, ErrorGroupStatus> s_statuses = new Dictionary<string, ErrorGroupStatus>(StringComparer.Ordinal)
    {
        ["resolved"] = ErrorGroupStatus.Resolved,
        ["ignored"] = ErrorGroupStatus.Ignored,
        ["unresolved"] = ErrorGroupStatus.Unresolved,
    };

    [McpServerTool(Name = "acknowledge_alert", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Acknowledge a firing alert (stops its escalation). Off unless the server allows writes. Recorded with who (`by`) and when.")]
    public async Task<AlertView> AcknowledgeAsync(
        McpServer server,
        [Description("The alert's id, as list_alerts shows it.")] long id,
        [Description("Who acknowledges: the person's name, not the assistant's.")] string by,
        [Description("Why, or what is being done.")] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        EnsureAllowed();
        var alertId = ToolArguments.Id("id", id, "an alert id");
        var who = ToolArguments.Required("by", by, "who acknowledges");
        var why = ToolArguments.Text("comment", comment);
        AlertInstance? alert;
        try
        {
            alert = await alerts.AcknowledgeAlertAsync(alertId, new AlertAcknowledgement { By = who, At = options.Clock.GetUtcNow(), Comment = why }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new McpException($"id: alert {alertId} cannot be acknowledged: {e.Message}");
        }

        _ = alert ?? throw new McpException($"id: no alert {alertId} in the store (list_alerts shows the ids)");
        await audit.RecordAsync("acknowledge_alert", $"alert {alertId}", who, ClientOf(server), why ?? "no comment", cancellationToken).ConfigureAwait(false);
        return AlertView.Of(alert);
    }

    [McpServerTool(Name = "create_silence", Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Silence the notifications of alerts whose labels match, for a while (at most 7 days). Off unless the server allows writes. Recorded with who (`by`) and when.")]
    public async Task<SilenceView> SilenceAsync(
        McpServer server,
        [Description("Label matchers, all must hold: alertname=HighErrorRate, service!=web, severity=~crit.*")] string[] matchers,
        [Description("How long: 30m, 2h, 1d (at most 7d).")] string duration,
        [Description("Who creates it: the person's name, not the assistant's.")] string by,
        [Description("Why.")] string comment,
        CancellationToken cancellationToken = default)
    {
        EnsureAllowed();
        var parsed = Matchers(matchers);
        var length = ToolArguments.Duration("duration", duration, MaxSilence) ?? throw new McpException("duration: required (30m, 2h, 1d)");
        var who = ToolArguments.Required("by", by, "who creates the silence");
        var why = ToolArguments.Required("comment", comment, "why the alerts are silenced");
        var now = options.Clock.GetUtcNow();
        Silence silence;
        try
        {
            silence = await alerts.CreateSilenceAsync(
                new Silence { Matchers = parsed, StartsAt = now, EndsAt = now + length, CreatedBy = who, CreatedAt = now, Comment = why },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new McpException($"matchers: {e.Message}");
        }

        await audit.RecordAsync("create_silence", $"silence {silence.Id}", who, ClientOf(server), $"{string.Join(", ", parsed)} until {silence.EndsAt:O}: {why}", cancellationToken)
            .ConfigureAwait(false);
        return SilenceView.Of(silence, now);
    }

    [McpServerTool(Name = "set_error_group_status", Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Resolve, ignore or reopen (unresolved) an error group. Off unless the server allows writes. Recorded with who (`by`) and when.")]
    public async Task<ErrorGroupView> SetErrorStatusAsync(
        McpServer server,
        [Description("The group's id, as list_error_groups shows it.")] long id,
        [Description("resolved, ignored or unresolved.")] string status,
        [Description("Who decides: the person's name, not the assistant's.")] string by,
        [Description("Why.")] string? comment = null,
        CancellationToken cancellationToken = default)
    {
        EnsureAllowed();
        var groupId = ToolArguments.Id("id", id, "an error group id");
        var next = ToolArguments.Text("status", status) is null
            ? throw new McpException("status: required (resolved, ignored or unresolved)")
            : ToolArguments.Choice("status", status, s_statuses, ErrorGroupStatus.Unresolved);
        var who = ToolArguments.Required("by", by, "who decides");
        var why = ToolArguments.Text("comment", comment);
        var group = await triage.UpdateErrorGroupStatusAsync(groupId, new ErrorStatusChange { Status = next }, cancellationToken).ConfigureAwait(false)
            ?? throw new McpException($"id: no error group {groupId} in the store (list_error_groups shows the ids)");
        var word = next.ToString().ToLowerInvariant();
        await audit.RecordAsync("set_error_group_status", $"error group {groupId}", who, ClientOf(server), why is null ? word : $"{word}: {why}", cancellationToken)
            .ConfigureAwait(false);
        return ErrorGroupView.Of(group);
    }

    private static string ClientOf(McpServer server) =>
        server.ClientInfo is { } info ? Shortened.Text($"{info.Name} {info.Version}", 200)! : "unnamed client";

    private static List<LabelMatcher> Matchers(string[]? texts)
    {
        if (texts is null || texts.Length == 0)
        {
            throw new McpException("matchers: at least one is required (alertname=HighErrorRate); a silence of everything is not allowed");
        }

        if (texts.Length > ToolLimits.MaxRepeats)
        {
            throw new McpException($"matchers: {texts.Length} is too many (at most {ToolLimits.MaxRepeats})");
        }

        var result = new List<LabelMatcher>(texts.Length);
        foreach (var text in texts)
        {
            if (!LabelMatcher.TryParse(ToolArguments.Text("matchers", text) ?? string.Empty, out var matcher, out var problem))
            {
                throw new McpException($"matchers: '{text}': {problem} (write name=value, name!=value, name=~regex or name!~regex)");
            }

            result.Add(matcher!);
        }

        return result;
    }

    private void EnsureAllowed()
    {
        if (!options.AllowWrites)
        {
            throw new McpException(Refusal);
        }
    }
}
