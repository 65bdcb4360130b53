using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>How one attempt to deliver a notification ended. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiNotificationOutcome>))]
public enum ApiNotificationOutcome
{
    /// <summary><c>"delivered"</c>.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered = 0,

    /// <summary><c>"failed"</c>.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed = 1,

    /// <summary><c>"suppressed"</c>.</summary>
    [JsonStringEnumMemberName("suppressed")]
    Suppressed = 2,
}
