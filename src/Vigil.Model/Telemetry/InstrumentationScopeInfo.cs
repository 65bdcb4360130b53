namespace Vigil.Model;

/// <summary>The library that emitted telemetry (an OpenTelemetry instrumentation scope).</summary>
public sealed record InstrumentationScopeInfo
{
    /// <summary>A scope with no name.</summary>
    public static InstrumentationScopeInfo Empty { get; } = new();

    /// <summary>The scope name, for example the <c>ActivitySource</c>, <c>Meter</c> or logger category.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The scope version, when known.</summary>
    public string? Version { get; init; }

    /// <summary>The scope attributes (see <see cref="TelemetryAttributes"/> for the allowed value types).</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Attributes { get; init; } = [];
}
