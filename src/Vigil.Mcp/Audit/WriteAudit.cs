using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Mcp.Audit;

/// <summary>
/// Records every write an assistant made as a log record in the store it changed, so <c>vigil logs --service
/// vigil-mcp</c> (or <c>search_logs</c>) answers who did what, when, and through which client. The acknowledgement and
/// the silence keep their own author as well; an error group's status change keeps only its time, so this record is
/// where its author lives. The record is written before the tool answers: a write the audit cannot record fails.
/// </summary>
internal sealed class WriteAudit(ITelemetryWriter writer, VigilMcpOptions options)
{
    /// <summary>The service name of audit records.</summary>
    public const string ServiceName = "vigil-mcp";

    /// <summary>The event name of audit records.</summary>
    public const string EventName = "vigil.mcp.write";

    /// <summary>Stores one record of a write that took place.</summary>
    /// <param name="action">What was done: <c>acknowledge_alert</c>, <c>create_silence</c>, <c>set_error_group_status</c>.</param>
    /// <param name="target">What it was done to: <c>alert 12</c>, <c>silence 3</c>, <c>error group 7</c>.</param>
    /// <param name="by">Who, as the caller named themselves.</param>
    /// <param name="client">The MCP client's name and version, as it introduced itself.</param>
    /// <param name="detail">The change in words (new status, matchers, comment).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task RecordAsync(string action, string target, string by, string client, string detail, CancellationToken cancellationToken)
    {
        var record = new LogEntry
        {
            Timestamp = options.Clock.GetUtcNow(),
            SeverityNumber = 9,
            SeverityText = "Information",
            EventName = EventName,
            Body = $"{target}: {action} by {by} through MCP ({options.Transport}, {client}): {detail}",
            Attributes =
            [
                new("vigil.mcp.action", action),
                new("vigil.mcp.target", target),
                new("vigil.mcp.by", by),
                new("vigil.mcp.client", client),
                new("vigil.mcp.transport", options.Transport),
            ],
            Scope = new InstrumentationScopeInfo { Name = "Vigil.Mcp" },
            Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, ServiceName)] },
        };
        return writer.WriteAsync(new TelemetryBatch { Logs = [record] }, cancellationToken);
    }
}
