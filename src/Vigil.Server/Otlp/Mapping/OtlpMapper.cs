using Google.Protobuf;
using Google.Protobuf.Collections;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;

namespace Vigil.Server.Otlp.Mapping;

/// <summary>
/// OTLP protobuf messages to the store's model. One mapper serves gRPC and HTTP (protobuf and JSON),
/// so every receiver applies the same rules. Split by signal into partial files.
/// </summary>
internal static partial class OtlpMapper
{
    /// <summary>Nanoseconds since the Unix epoch to a time; 0 (unset) becomes null.</summary>
    public static DateTimeOffset? FromUnixNanoOrNull(ulong nanoseconds) =>
        nanoseconds == 0 ? null : FromUnixNano(nanoseconds);

    /// <summary>Nanoseconds since the Unix epoch to a time, saturated at 2262 as the store keeps it (<see cref="UnixTime"/>).</summary>
    public static DateTimeOffset FromUnixNano(ulong nanoseconds) => UnixTime.FromNanoseconds(nanoseconds);

    public static TelemetryResource MapResource(Resource? resource, string schemaUrl) =>
        resource is null && schemaUrl.Length == 0
            ? TelemetryResource.Empty
            : new TelemetryResource
            {
                Attributes = MapAttributes(resource?.Attributes),
                SchemaUrl = schemaUrl.Length == 0 ? null : schemaUrl,
            };

    public static InstrumentationScopeInfo MapScope(InstrumentationScope? scope) =>
        scope is null
            ? InstrumentationScopeInfo.Empty
            : new InstrumentationScopeInfo
            {
                Name = scope.Name,
                Version = scope.Version.Length == 0 ? null : scope.Version,
                Attributes = MapAttributes(scope.Attributes),
            };

    public static IReadOnlyList<KeyValuePair<string, object?>> MapAttributes(RepeatedField<KeyValue>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return [];
        }

        var result = new KeyValuePair<string, object?>[attributes.Count];
        for (var i = 0; i < attributes.Count; i++)
        {
            result[i] = new(attributes[i].Key, MapValue(attributes[i].Value));
        }

        return result;
    }

    /// <summary>
    /// An AnyValue to the CLR types the store keeps: string, bool, long, double, byte[], arrays as lists,
    /// and key-value lists as lists of key-value pairs, which the store's encoder writes as a JSON object, capped at
    /// the nesting every writer is capped at (AttributeValueEncoder.MaxDepth), as an SDK map attribute is.
    /// </summary>
    public static object? MapValue(AnyValue? value) => value?.ValueCase switch
    {
        null or AnyValue.ValueOneofCase.None => null,
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => BoxedValues.Box(value.BoolValue),
        AnyValue.ValueOneofCase.IntValue => BoxedValues.Box(value.IntValue),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(MapValue).ToList(),
        AnyValue.ValueOneofCase.KvlistValue => value.KvlistValue.Values.Select(v => new KeyValuePair<string, object?>(v.Key, MapValue(v.Value))).ToList(),
        _ => null,
    };

    /// <summary>A log body as text: strings as they are, anything else in a readable form.</summary>
    public static string? BodyText(AnyValue? body) => body?.ValueCase switch
    {
        null or AnyValue.ValueOneofCase.None => null,
        AnyValue.ValueOneofCase.StringValue => body.StringValue,
        _ => JsonFormatter.Default.Format(body),
    };
}
