using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The v1 wire JSON, source-generated: camelCase names, nulls written, enums as their
/// <see cref="JsonStringEnumMemberNameAttribute"/> spellings, NaN and infinities as <c>"NaN"</c> and <c>"Infinity"</c>
/// (rates and averages may be either; plain JSON numbers cannot say so). The server writes with it and clients read
/// with it, so both sides agree by construction. Internal because generated code has no nullable annotations for the
/// public API baseline; <see cref="ApiJson"/> is its public face.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, Converters = [typeof(RawJsonConverter)])]
[JsonSerializable(typeof(ApiPage<ApiLogRecord>))]
[JsonSerializable(typeof(ApiLogPatterns))]
[JsonSerializable(typeof(ApiPage<ApiTraceSummary>))]
[JsonSerializable(typeof(ApiPage<string>))]
[JsonSerializable(typeof(ApiPage<ApiMetricSummary>))]
[JsonSerializable(typeof(ApiPage<ApiErrorGroup>))]
[JsonSerializable(typeof(ApiTraceDetail))]
[JsonSerializable(typeof(ApiPage<ApiBuild>))]
[JsonSerializable(typeof(ApiBuildDetail))]
[JsonSerializable(typeof(ApiMetricQueryResult))]
[JsonSerializable(typeof(ApiPage<ApiMetricPoint>))]
[JsonSerializable(typeof(ApiExemplars))]
[JsonSerializable(typeof(ApiErrorGroup))]
[JsonSerializable(typeof(ApiErrorGroupDetail))]
[JsonSerializable(typeof(ApiHealthOverview))]
[JsonSerializable(typeof(ApiPage<ApiHealthHistory>))]
[JsonSerializable(typeof(ApiOverview))]
[JsonSerializable(typeof(ApiStoreStatus))]
[JsonSerializable(typeof(ApiErrorStatusChange))]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(ApiAlertRules))]
[JsonSerializable(typeof(ApiAlertRule))]
[JsonSerializable(typeof(ApiAlertReload))]
[JsonSerializable(typeof(ApiPage<ApiAlert>))]
[JsonSerializable(typeof(ApiPage<ApiAlertTransition>))]
[JsonSerializable(typeof(ApiPage<ApiNotificationAttempt>))]
[JsonSerializable(typeof(ApiPage<ApiSilence>))]
[JsonSerializable(typeof(ApiAlert))]
[JsonSerializable(typeof(ApiAlertTransition))]
[JsonSerializable(typeof(ApiNotificationAttempt))]
[JsonSerializable(typeof(ApiSilence))]
[JsonSerializable(typeof(ApiPage<ApiSlo>))]
[JsonSerializable(typeof(ApiSlo))]
[JsonSerializable(typeof(ApiAcknowledgeRequest))]
[JsonSerializable(typeof(ApiSilenceRequest))]
[JsonSerializable(typeof(ApiPushPositions))]
[JsonSerializable(typeof(ApiPushResult))]
[JsonSerializable(typeof(ApiAlertState))]
[JsonSerializable(typeof(ApiNotificationOutcome))]
[JsonSerializable(typeof(ApiSilenceState))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ApiSpanKind))]
[JsonSerializable(typeof(ApiSpanStatusCode))]
[JsonSerializable(typeof(ApiMetricKind))]
[JsonSerializable(typeof(ApiAggregationTemporality))]
[JsonSerializable(typeof(ApiErrorGroupStatus))]
[JsonSerializable(typeof(ApiErrorSeverity))]
[JsonSerializable(typeof(ApiFingerprintMethod))]
[JsonSerializable(typeof(ApiErrorEventSource))]
[JsonSerializable(typeof(ApiHealthStatus))]
[JsonSerializable(typeof(ApiHealthSourceKind))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
