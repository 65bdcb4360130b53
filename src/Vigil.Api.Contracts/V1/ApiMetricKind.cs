using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>A metric's data kind. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiMetricKind>))]
public enum ApiMetricKind
{
    /// <summary><c>"sum"</c>.</summary>
    [JsonStringEnumMemberName("sum")]
    Sum = 0,

    /// <summary><c>"gauge"</c>.</summary>
    [JsonStringEnumMemberName("gauge")]
    Gauge = 1,

    /// <summary><c>"histogram"</c>.</summary>
    [JsonStringEnumMemberName("histogram")]
    Histogram = 2,

    /// <summary><c>"exponentialHistogram"</c>.</summary>
    [JsonStringEnumMemberName("exponentialHistogram")]
    ExponentialHistogram = 3,

    /// <summary><c>"summary"</c>.</summary>
    [JsonStringEnumMemberName("summary")]
    Summary = 4,
}
