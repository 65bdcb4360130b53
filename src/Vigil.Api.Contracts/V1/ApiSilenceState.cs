using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>Where a silence is in time, at the moment the server answered. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiSilenceState>))]
public enum ApiSilenceState
{
    /// <summary><c>"pending"</c>.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 0,

    /// <summary><c>"active"</c>.</summary>
    [JsonStringEnumMemberName("active")]
    Active = 1,

    /// <summary><c>"expired"</c>.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired = 2,
}
