namespace Vigil.Model;

/// <summary>A link from a span to another span, possibly in another trace.</summary>
public sealed record SpanLinkEntry
{
    /// <summary>The linked trace id (32 hex characters).</summary>
    public string TraceId { get; init; } = string.Empty;

    /// <summary>The linked span id (16 hex characters).</summary>
    public string SpanId { get; init; } = string.Empty;

    /// <summary>The W3C trace state of the linked span, when given.</summary>
    public string? TraceState { get; init; }

    /// <summary>The link's attributes (see <see cref="TelemetryAttributes"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];
}
