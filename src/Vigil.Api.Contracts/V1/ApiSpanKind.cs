using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>A span's kind (OpenTelemetry's SpanKind). The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiSpanKind>))]
public enum ApiSpanKind
{
    /// <summary><c>"unspecified"</c>.</summary>
    [JsonStringEnumMemberName("unspecified")]
    Unspecified = 0,

    /// <summary><c>"internal"</c>.</summary>
    [JsonStringEnumMemberName("internal")]
    Internal = 1,

    /// <summary><c>"server"</c>.</summary>
    [JsonStringEnumMemberName("server")]
    Server = 2,

    /// <summary><c>"client"</c>.</summary>
    [JsonStringEnumMemberName("client")]
    Client = 3,

    /// <summary><c>"producer"</c>.</summary>
    [JsonStringEnumMemberName("producer")]
    Producer = 4,

    /// <summary><c>"consumer"</c>.</summary>
    [JsonStringEnumMemberName("consumer")]
    Consumer = 5,
}
