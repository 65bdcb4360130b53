using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Resource.V1;

namespace Vigil.Server.Otlp.Export;

/// <summary>
/// The store's model back to OTLP protobuf messages: the reverse of <c>Mapping/OtlpMapper</c>, beside it so the two
/// stay each other's inverse (a record pushed by <c>vigil push</c> maps back to the same record on the server).
/// Split by signal into partial files. Records sharing a resource and a scope object go in one group each.
/// </summary>
internal static partial class OtlpExportMapper
{
    private static ulong ToUnixNano(DateTimeOffset time) => (ulong)Math.Max(0, UnixTime.ToNanoseconds(time));

    private static ByteString Id(string? hex) =>
        string.IsNullOrEmpty(hex) ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(hex));

    private static Resource ToResource(TelemetryResource resource)
    {
        var result = new Resource();
        AddAttributes(result.Attributes, resource.Attributes);
        return result;
    }

    private static InstrumentationScope ToScope(InstrumentationScopeInfo scope)
    {
        var result = new InstrumentationScope { Name = scope.Name, Version = scope.Version ?? string.Empty };
        AddAttributes(result.Attributes, scope.Attributes);
        return result;
    }

    private static void AddAttributes(Google.Protobuf.Collections.RepeatedField<KeyValue> target, IReadOnlyList<KeyValuePair<string, object?>> attributes)
    {
        foreach (var (key, value) in attributes)
        {
            target.Add(new KeyValue { Key = key, Value = ToValue(value) });
        }
    }

    /// <summary>A stored attribute value (the CLR types <c>OtlpMapper.MapValue</c> and the store's JSON give) as an AnyValue.</summary>
    internal static AnyValue ToValue(object? value)
    {
        switch (value)
        {
            case null:
                return new AnyValue();
            case string text:
                return new AnyValue { StringValue = text };
            case bool flag:
                return new AnyValue { BoolValue = flag };
            case long or int or short or sbyte or byte or ushort or uint:
                return new AnyValue { IntValue = Convert.ToInt64(value, CultureInfo.InvariantCulture) };
            case ulong unsigned:
                return unsigned <= long.MaxValue ? new AnyValue { IntValue = (long)unsigned } : new AnyValue { DoubleValue = unsigned };
            case double or float or decimal:
                return new AnyValue { DoubleValue = Convert.ToDouble(value, CultureInfo.InvariantCulture) };
            case byte[] bytes:
                return new AnyValue { BytesValue = ByteString.CopyFrom(bytes) };
            case IEnumerable<KeyValuePair<string, object?>> map:
                var list = new KeyValueList();
                foreach (var (key, item) in map)
                {
                    list.Values.Add(new KeyValue { Key = key, Value = ToValue(item) });
                }

                return new AnyValue { KvlistValue = list };
            case IEnumerable items:
                var array = new ArrayValue();
                foreach (var item in items)
                {
                    array.Values.Add(ToValue(item));
                }

                return new AnyValue { ArrayValue = array };
            default:
                return new AnyValue { StringValue = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty };
        }
    }

    /// <summary>Groups records by their resource, then their scope, keeping first-seen order (by reference, then content).</summary>
    private static List<(TelemetryResource Resource, List<(InstrumentationScopeInfo Scope, List<T> Records)> Scopes)> Group<T>(
        IEnumerable<T> records, Func<T, TelemetryResource> resourceOf, Func<T, InstrumentationScopeInfo> scopeOf)
    {
        var result = new List<(TelemetryResource, List<(InstrumentationScopeInfo, List<T>)>)>();
        var resources = new Dictionary<TelemetryResource, List<(InstrumentationScopeInfo, List<T>)>>(ReferenceEqualityComparer.Instance);
        var scopes = new Dictionary<(TelemetryResource, InstrumentationScopeInfo), List<T>>(new PairByReference());
        foreach (var record in records)
        {
            var resource = resourceOf(record);
            var scope = scopeOf(record);
            if (!resources.TryGetValue(resource, out var scopeList))
            {
                scopeList = [];
                resources[resource] = scopeList;
                result.Add((resource, scopeList));
            }

            if (!scopes.TryGetValue((resource, scope), out var list))
            {
                list = [];
                scopes[(resource, scope)] = list;
                scopeList.Add((scope, list));
            }

            list.Add(record);
        }

        return result;
    }

    private sealed class PairByReference : IEqualityComparer<(TelemetryResource, InstrumentationScopeInfo)>
    {
        public bool Equals((TelemetryResource, InstrumentationScopeInfo) x, (TelemetryResource, InstrumentationScopeInfo) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((TelemetryResource, InstrumentationScopeInfo) obj) =>
            HashCode.Combine(ReferenceEqualityComparer.Instance.GetHashCode(obj.Item1), ReferenceEqualityComparer.Instance.GetHashCode(obj.Item2));
    }
}
