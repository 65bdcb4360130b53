using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>What reported a health result. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiHealthSourceKind>))]
public enum ApiHealthSourceKind
{
    /// <summary><c>"check"</c>.</summary>
    [JsonStringEnumMemberName("check")]
    Check = 0,

    /// <summary><c>"probe"</c>.</summary>
    [JsonStringEnumMemberName("probe")]
    Probe = 1,
}
