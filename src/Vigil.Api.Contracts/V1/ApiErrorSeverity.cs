using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>An error group's severity. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiErrorSeverity>))]
public enum ApiErrorSeverity
{
    /// <summary><c>"low"</c>.</summary>
    [JsonStringEnumMemberName("low")]
    Low = 0,

    /// <summary><c>"medium"</c>.</summary>
    [JsonStringEnumMemberName("medium")]
    Medium = 1,

    /// <summary><c>"high"</c>.</summary>
    [JsonStringEnumMemberName("high")]
    High = 2,

    /// <summary><c>"critical"</c>.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical = 3,
}
