using ModelContextProtocol;
using Vigil.Storage;

namespace Vigil.Mcp.Arguments;

/// <summary>Trace ids as arguments: a whole id, or (for <c>get_trace</c>) a unique prefix as a log line shows it.</summary>
internal static class TraceIds
{
    /// <summary>A whole trace id (32 hex digits), lower case; null when absent.</summary>
    public static string? Whole(string name, string? text)
    {
        if (ToolArguments.Text(name, text, 64) is not { } value)
        {
            return null;
        }

        return value.Length == 32 && value.All(char.IsAsciiHexDigit)
            ? value.ToLowerInvariant()
            : throw new McpException($"{name}: '{value}' is not a trace id (32 hex digits)");
    }

    /// <summary>The whole id of the one stored trace that starts with <paramref name="text"/> (4 to 32 hex digits).</summary>
    public static async Task<string> ResolveAsync(ITelemetryReader reader, string? text, CancellationToken cancellationToken)
    {
        var value = ToolArguments.Required("traceId", text, "32 hex digits, or a unique prefix of at least 4");
        if (value.Length is < 4 or > 32 || !value.All(char.IsAsciiHexDigit))
        {
            throw new McpException($"traceId: '{value}' is not a trace id (4 to 32 hex digits)");
        }

        var ids = await reader.FindTraceIdsAsync(value, 2, cancellationToken).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => throw new McpException($"traceId: no trace {value} in the store (list_traces shows recent ones)"),
            1 => ids[0],
            _ => throw new McpException($"traceId: '{value}' starts more than one trace ({ids[0]}, {ids[1]}); give more digits"),
        };
    }
}
