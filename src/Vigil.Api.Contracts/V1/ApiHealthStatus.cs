using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>A health status; the order is the order of badness. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiHealthStatus>))]
public enum ApiHealthStatus
{
    /// <summary><c>"healthy"</c>.</summary>
    [JsonStringEnumMemberName("healthy")]
    Healthy = 0,

    /// <summary><c>"degraded"</c>.</summary>
    [JsonStringEnumMemberName("degraded")]
    Degraded = 1,

    /// <summary><c>"unhealthy"</c>.</summary>
    [JsonStringEnumMemberName("unhealthy")]
    Unhealthy = 2,
}
