using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>A link from a span to another.</summary>
public sealed record ApiSpanLink
{
    /// <summary>The linked trace id.</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The linked span id.</summary>
    public string SpanId { get; init; } = string.Empty;

    /// <summary>The linked span's trace state.</summary>
    public string? TraceState { get; init; }

    /// <summary>The attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }
}
