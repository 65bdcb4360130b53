using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>An instrumentation scope.</summary>
public sealed record ApiScope
{
    /// <summary>The scope's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The scope's version.</summary>
    public string? Version { get; init; }

    /// <summary>The scope's attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }
}
