using System.Text;
using Vigil.Metrics.Influx;
using Vigil.Model;

namespace Vigil.Tests.Metrics.Influx;

/// <summary>The line encoder's schema and escaping; InfluxDB itself reads them back in <see cref="InfluxRoundTripTests"/>.</summary>
public sealed class InfluxLineEncoderTests
{
    private static readonly DateTimeOffset s_time = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123).AddTicks(4567);

    private static MetricPoint Point(string name, double? value = null, AggregationTemporality temporality = AggregationTemporality.Cumulative, params (string Key, object? Value)[] attributes) => new()
    {
        Series = new MetricSeriesInfo
        {
            Name = name,
            Kind = MetricKind.Sum,
            Temporality = temporality,
            Attributes = [.. attributes.Select(a => new KeyValuePair<string, object?>(a.Key, a.Value))],
            Resource = new TelemetryResource { Attributes = [new(TelemetryResource.ServiceNameKey, "shop")] },
        },
        Timestamp = s_time,
        Value = value,
    };

    private static string Encode(MetricPoint point)
    {
        var output = new StringBuilder();
        Assert.True(InfluxLineEncoder.TryAppend(output, point));
        return output.ToString();
    }

    [Fact]
    public void TryAppend_Sum_ValueFieldSortedTagsAndNanoseconds()
    {
        var line = Encode(Point("shop.orders", 3.5, attributes: [("region", "eu"), ("attempt", 2L), ("ok", true)]));

        Assert.Equal("shop.orders,attempt=2,ok=true,region=eu,service.name=shop value=3.5 1700000000123456700\n", line);
    }

    [Fact]
    public void TryAppend_HostileNamesAndValues_EscapedPerReference()
    {
        var line = Encode(Point("cpu load,eu", 1, attributes: [("k=1 2", "a,b \"c\" d=e"), ("multi", "line\nbreak"), ("back", "mid\\dle"), ("trail", "end\\")]));

        Assert.Equal(
            "cpu\\ load\\,eu,back=mid\\dle,k\\=1\\ 2=a\\,b\\ \"c\"\\ d\\=e,multi=line\\ break,service.name=shop,trail=end\\\\ value=1 1700000000123456700\n",
            line);
    }

    [Fact]
    public void TryAppend_EmptyTagValuesLeftOut_AttributeServiceNameWinsOverResource()
    {
        var line = Encode(Point("m", 1, attributes: [("empty", ""), ("none", null), ("service.name", "override")]));

        Assert.Equal("m,service.name=override value=1 1700000000123456700\n", line);
    }

    [Fact]
    public void TryAppend_ArrayAttribute_WrittenAsItsJson()
    {
        string[] values = ["a", "b"];
        var line = Encode(Point("m", 1, attributes: [("tags", values)]));

        Assert.StartsWith("m,service.name=shop,tags=[\"a\"\\,\"b\"] value=1 ", line);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void TryAppend_ValueLineProtocolCannotSpell_NothingWritten(double value)
    {
        var output = new StringBuilder("kept");

        Assert.False(InfluxLineEncoder.TryAppend(output, Point("m", value)));
        Assert.False(InfluxLineEncoder.TryAppend(output, Point(string.Empty, 1)));
        Assert.False(InfluxLineEncoder.TryAppend(output, Point("#comment", 1)));
        Assert.Equal("kept", output.ToString());
    }

    [Fact]
    public void TryAppend_DeltaSum_TaggedWithTemporality()
    {
        var line = Encode(Point("orders", 7, AggregationTemporality.Delta));

        Assert.Equal("orders,otel.temporality=delta,service.name=shop value=7 1700000000123456700\n", line);
    }

    [Fact]
    public void TryAppend_Histogram_CountSumMinMaxAndCumulativeBuckets()
    {
        var point = Point("latency") with
        {
            Value = null,
            Histogram = new HistogramData { Count = 9, Sum = 30, Min = 0.5, Max = 9, ExplicitBounds = [1, 5], BucketCounts = [2, 3, 4] },
        };

        Assert.Equal("latency,service.name=shop count=9i,sum=30,min=0.5,max=9,1=2i,5=5i,+Inf=9i 1700000000123456700\n", Encode(point));
    }

    [Fact]
    public void TryAppend_HistogramWithoutSum_SumLeftOut()
    {
        var point = Point("latency") with
        {
            Histogram = new HistogramData { Count = 1, ExplicitBounds = [1], BucketCounts = [0, 1] },
        };

        Assert.Equal("latency,service.name=shop count=1i,1=0i,+Inf=1i 1700000000123456700\n", Encode(point));
    }

    [Fact]
    public void TryAppend_ExponentialHistogram_AsCumulativeUpperBounds()
    {
        // Scale 0: bucket i covers (2^i, 2^(i+1)]. One zero, one in (1, 2], two in (2, 4], one in [-2, -1).
        var point = Point("sizes") with
        {
            ExponentialHistogram = new ExponentialHistogramData
            {
                Count = 5, Sum = 6, Scale = 0, ZeroCount = 1,
                PositiveOffset = 0, PositiveBucketCounts = [1, 2],
                NegativeOffset = 0, NegativeBucketCounts = [1],
            },
        };

        Assert.Equal("sizes,service.name=shop count=5i,sum=6,-1=1i,0=2i,2=3i,4=5i,+Inf=5i 1700000000123456700\n", Encode(point));
    }

    [Fact]
    public void TryAppend_Summary_CountSumAndQuantiles()
    {
        var point = Point("rpc") with
        {
            Summary = new SummaryData { Count = 4, Sum = 2, Quantiles = [new(0.5, 0.25), new(0.99, 1.5)] },
        };

        Assert.Equal("rpc,service.name=shop count=4i,sum=2,0.5=0.25,0.99=1.5 1700000000123456700\n", Encode(point));
    }
}
