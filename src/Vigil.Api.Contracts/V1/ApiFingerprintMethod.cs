using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>How an error group's fingerprint was decided. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiFingerprintMethod>))]
public enum ApiFingerprintMethod
{
    /// <summary><c>"explicit"</c>.</summary>
    [JsonStringEnumMemberName("explicit")]
    Explicit = 0,

    /// <summary><c>"stackTrace"</c>.</summary>
    [JsonStringEnumMemberName("stackTrace")]
    StackTrace = 1,

    /// <summary><c>"message"</c>.</summary>
    [JsonStringEnumMemberName("message")]
    Message = 2,

    /// <summary><c>"rule"</c>.</summary>
    [JsonStringEnumMemberName("rule")]
    Rule = 3,
}
