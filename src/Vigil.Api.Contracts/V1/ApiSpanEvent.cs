using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>An event within a span.</summary>
public sealed record ApiSpanEvent
{
    /// <summary>The event's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>When it happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }
}
