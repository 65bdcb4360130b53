using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>An error group's triage status. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiErrorGroupStatus>))]
public enum ApiErrorGroupStatus
{
    /// <summary><c>"unresolved"</c>.</summary>
    [JsonStringEnumMemberName("unresolved")]
    Unresolved = 0,

    /// <summary><c>"resolved"</c>.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved = 1,

    /// <summary><c>"ignored"</c>.</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored = 2,
}
