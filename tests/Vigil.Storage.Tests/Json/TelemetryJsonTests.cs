using System.Text.Json;
using Vigil.Model;
using Vigil.Model.Json;

namespace Vigil.Storage.Tests.Json;

public sealed class TelemetryJsonTests
{
    [Fact]
    public void Serialize_Enums_WritesCamelCaseNames()
    {
        // Arrange: one enum per endpoint family, multi-word names included.
        var values = new object[] { SpanKind.Server, SpanStatusCode.Error, MetricKind.ExponentialHistogram, AggregationTemporality.Cumulative, ErrorGroupStatus.Unresolved, FingerprintMethod.StackTrace, ErrorEventSource.SpanEvent, HealthStatus.Degraded, HealthSourceKind.Probe };

        // Act
        var written = values.Select(v => JsonSerializer.Serialize(v, v.GetType(), TelemetryJson.Options)).ToArray();

        // Assert
        Assert.Equal(["\"server\"", "\"error\"", "\"exponentialHistogram\"", "\"cumulative\"", "\"unresolved\"", "\"stackTrace\"", "\"spanEvent\"", "\"degraded\"", "\"probe\""], written);
    }

    [Theory]
    [InlineData("\"Server\"")]
    [InlineData("\"server\"")]
    [InlineData("\"SERVER\"")]
    public void Deserialize_EnumInAnyCase_Reads(string json)
    {
        // Act: what earlier servers wrote ("Server") must still read.
        var kind = JsonSerializer.Deserialize<SpanKind>(json, TelemetryJson.Options);

        // Assert
        Assert.Equal(SpanKind.Server, kind);
    }

    [Fact]
    public void Deserialize_PascalCaseMultiWordEnum_Reads()
    {
        // Act
        var method = JsonSerializer.Deserialize<FingerprintMethod>("\"StackTrace\"", TelemetryJson.Options);
        var source = JsonSerializer.Deserialize<ErrorEventSource>("\"spanEvent\"", TelemetryJson.Options);

        // Assert
        Assert.Equal(FingerprintMethod.StackTrace, method);
        Assert.Equal(ErrorEventSource.SpanEvent, source);
    }

    [Theory]
    [InlineData("\"stackTracex\"")]
    [InlineData("\"\"")]
    [InlineData("\"stackTrace; DROP TABLE error_groups\"")]
    [InlineData("\"stack_trace\"")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Deserialize_NotAName_Throws(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FingerprintMethod>(json, TelemetryJson.Options));

    [Theory]
    [InlineData(SpanKind.Consumer, "consumer")]
    [InlineData(MetricKind.ExponentialHistogram, "exponentialHistogram")]
    [InlineData(ErrorEventSource.Log, "log")]
    public void Name_Value_IsTheSerializedName(Enum value, string expected)
    {
        // Act
        var serialized = JsonSerializer.Serialize(value, value.GetType(), TelemetryJson.Options);

        // Assert: the hand-written outputs' helper and the serializer spell alike.
        Assert.Equal($"\"{expected}\"", serialized);
        Assert.Equal(expected, value switch
        {
            SpanKind k => TelemetryJson.Name(k),
            MetricKind k => TelemetryJson.Name(k),
            ErrorEventSource s => TelemetryJson.Name(s),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        });
    }
}
