using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>A span's status code. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiSpanStatusCode>))]
public enum ApiSpanStatusCode
{
    /// <summary><c>"unset"</c>.</summary>
    [JsonStringEnumMemberName("unset")]
    Unset = 0,

    /// <summary><c>"ok"</c>.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok = 1,

    /// <summary><c>"error"</c>.</summary>
    [JsonStringEnumMemberName("error")]
    Error = 2,
}
