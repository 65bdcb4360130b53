using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>The resource telemetry came from.</summary>
public sealed record ApiResource
{
    /// <summary>The resource's attributes (see <see cref="ApiLogRecord.Attributes"/>).</summary>
    public JsonElement Attributes { get; init; }

    /// <summary>The resource's schema URL.</summary>
    public string? SchemaUrl { get; init; }

    /// <summary>The <c>service.name</c> attribute, when it is a string; written for convenience, ignored when read.</summary>
    public string? ServiceName { get; init; }
}
