using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>Whether a sum's or histogram's points are running totals or changes. The JSON spelling of each value is its <see cref="JsonStringEnumMemberNameAttribute"/>, here and nowhere else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ApiAggregationTemporality>))]
public enum ApiAggregationTemporality
{
    /// <summary><c>"unspecified"</c>: a gauge or summary, which has none.</summary>
    [JsonStringEnumMemberName("unspecified")]
    Unspecified = 0,

    /// <summary><c>"delta"</c>: each point is the change over its own interval.</summary>
    [JsonStringEnumMemberName("delta")]
    Delta = 1,

    /// <summary><c>"cumulative"</c>: each point is the total since the series' start.</summary>
    [JsonStringEnumMemberName("cumulative")]
    Cumulative = 2,
}
