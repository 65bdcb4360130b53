namespace Vigil.Model;

/// <summary>A timestamped event inside a span.</summary>
public sealed record SpanEventEntry
{
    /// <summary>The event name, for example <c>exception</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The event's attributes (see <see cref="TelemetryAttributes"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];
}
