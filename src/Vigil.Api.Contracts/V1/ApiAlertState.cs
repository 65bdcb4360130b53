using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>Where an alert instance is in its life (the Prometheus states, plus resolved). The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiAlertState>))]
public enum ApiAlertState
{
    /// <summary><c>"inactive"</c>.</summary>
    [JsonStringEnumMemberName("inactive")]
    Inactive = 0,

    /// <summary><c>"pending"</c>.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending = 1,

    /// <summary><c>"firing"</c>.</summary>
    [JsonStringEnumMemberName("firing")]
    Firing = 2,

    /// <summary><c>"resolved"</c>.</summary>
    [JsonStringEnumMemberName("resolved")]
    Resolved = 3,
}
