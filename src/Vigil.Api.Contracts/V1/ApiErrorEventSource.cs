using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>Where an error event came from. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiErrorEventSource>))]
public enum ApiErrorEventSource
{
    /// <summary><c>"log"</c>.</summary>
    [JsonStringEnumMemberName("log")]
    Log = 0,

    /// <summary><c>"spanEvent"</c>.</summary>
    [JsonStringEnumMemberName("spanEvent")]
    SpanEvent = 1,
}
