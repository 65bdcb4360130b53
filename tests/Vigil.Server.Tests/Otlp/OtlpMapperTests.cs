using Google.Protobuf;
using Vigil.Model;
using Vigil.Server.Otlp.Mapping;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Otlp.Proto.Metrics.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

public sealed class OtlpMapperTests
{
    [Fact]
    public void MapTraces_ValidSpan_IdsAsLowercaseHexAndFieldsKept()
    {
        var span = Some.Span();
        span.ParentSpanId = Some.SpanId(9);
        span.Status = new() { Code = Vigil.Server.Otlp.Proto.Trace.V1.Status.Types.StatusCode.Error, Message = "boom" };
        span.Attributes.Add(new KeyValue { Key = "http.status_code", Value = new AnyValue { IntValue = 500 } });

        var result = OtlpMapper.MapTraces(Some.Traces(span));

        var entry = Assert.Single(result.Batch.Spans);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", entry.TraceId);
        Assert.Equal("a1a2a3a4a5a6a7a8", entry.SpanId);
        Assert.Equal("a9aaabacadaeafb0", entry.ParentSpanId);
        Assert.Equal(SpanKind.Server, entry.Kind);
        Assert.Equal(SpanStatusCode.Error, entry.StatusCode);
        Assert.Equal("boom", entry.StatusMessage);
        Assert.Equal(Some.Time, entry.StartTime);
        Assert.Equal(TimeSpan.FromMilliseconds(250), entry.Duration);
        Assert.Equal(500L, Assert.Single(entry.Attributes).Value);
        Assert.Equal("checkout", entry.Resource.ServiceName);
        Assert.Equal("tests", entry.Scope.Name);
        Assert.Equal(0, result.Rejected);
        Assert.Null(result.ErrorMessage);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(0)]
    public void MapTraces_TraceIdOfWrongLength_SpanRejectedOthersKept(int length)
    {
        var bad = Some.Span("bad");
        bad.TraceId = ByteString.CopyFrom(new byte[length].Select(_ => (byte)7).ToArray());

        var result = OtlpMapper.MapTraces(Some.Traces(bad, Some.Span("good", 2)));

        Assert.Equal("good", Assert.Single(result.Batch.Spans).Name);
        Assert.Equal(1, result.Accepted);
        Assert.Equal(1, result.Rejected);
        Assert.Contains("trace_id", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MapTraces_AllZeroSpanId_Rejected()
    {
        var span = Some.Span();
        span.SpanId = ByteString.CopyFrom(new byte[8]);

        var result = OtlpMapper.MapTraces(Some.Traces(span));

        Assert.Empty(result.Batch.Spans);
        Assert.Equal(1, result.Rejected);
    }

    [Fact]
    public void MapLogs_SpanIdOfWrongLength_RecordRejected()
    {
        var record = Some.Log();
        record.SpanId = ByteString.CopyFrom(1, 2, 3);

        var result = OtlpMapper.MapLogs(Some.Logs(record, Some.Log("kept")));

        Assert.Equal("kept", Assert.Single(result.Batch.Logs).Body);
        Assert.Equal(1, result.Rejected);
        Assert.Contains("span_id", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MapLogs_EveryAttributeType_MappedToStoreTypes()
    {
        var record = Some.Log();
        record.TraceId = Some.TraceId();
        record.SpanId = Some.SpanId();
        record.Attributes.Add(new KeyValue { Key = "s", Value = new AnyValue { StringValue = "x" } });
        record.Attributes.Add(new KeyValue { Key = "b", Value = new AnyValue { BoolValue = true } });
        record.Attributes.Add(new KeyValue { Key = "i", Value = new AnyValue { IntValue = long.MaxValue } });
        record.Attributes.Add(new KeyValue { Key = "d", Value = new AnyValue { DoubleValue = 1.5 } });
        record.Attributes.Add(new KeyValue { Key = "bytes", Value = new AnyValue { BytesValue = ByteString.CopyFrom(1, 2) } });
        record.Attributes.Add(new KeyValue { Key = "a", Value = new AnyValue { ArrayValue = new ArrayValue { Values = { new AnyValue { IntValue = 1 }, new AnyValue { StringValue = "two" } } } } });
        record.Attributes.Add(new KeyValue { Key = "exception.type", Value = new AnyValue { StringValue = "System.InvalidOperationException" } });

        var entry = Assert.Single(OtlpMapper.MapLogs(Some.Logs(record)).Batch.Logs);

        var attributes = entry.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("x", attributes["s"]);
        Assert.Equal(true, attributes["b"]);
        Assert.Equal(long.MaxValue, attributes["i"]);
        Assert.Equal(1.5, attributes["d"]);
        Assert.Equal(new byte[] { 1, 2 }, attributes["bytes"]);
        Assert.Equal(new object?[] { 1L, "two" }, Assert.IsAssignableFrom<IEnumerable<object?>>(attributes["a"]));
        Assert.Equal("System.InvalidOperationException", entry.ExceptionType);
        Assert.Equal("0102030405060708090a0b0c0d0e0f10", entry.TraceId);
        Assert.Equal(9, entry.SeverityNumber);
    }

    [Fact]
    public void MapMetrics_HistogramWithBucketCountMismatch_PointRejected()
    {
        var metric = new Metric
        {
            Name = "latency",
            Histogram = new Histogram
            {
                AggregationTemporality = Vigil.Server.Otlp.Proto.Metrics.V1.AggregationTemporality.Cumulative,
                DataPoints =
                {
                    new HistogramDataPoint { TimeUnixNano = Some.UnixNano(Some.Time), Count = 3, BucketCounts = { 1, 2 }, ExplicitBounds = { 1, 2, 3 } },
                    new HistogramDataPoint { TimeUnixNano = Some.UnixNano(Some.Time), Count = 3, Sum = 4, BucketCounts = { 1, 2 }, ExplicitBounds = { 1 } },
                },
            },
        };

        var result = OtlpMapper.MapMetrics(Some.Metrics(metric));

        var point = Assert.Single(result.Batch.MetricPoints);
        Assert.Equal(MetricKind.Histogram, point.Series.Kind);
        Assert.Equal([1L, 2L], point.Histogram!.BucketCounts);
        Assert.Equal(4, point.Histogram.Sum);
        Assert.Equal(1, result.Rejected);
    }

    [Fact]
    public void MapMetrics_NumberPointWithoutValue_RejectedUnlessFlaggedNoRecordedValue()
    {
        var metric = new Metric
        {
            Name = "queue.length",
            Gauge = new Gauge
            {
                DataPoints =
                {
                    new NumberDataPoint { TimeUnixNano = Some.UnixNano(Some.Time) },
                    new NumberDataPoint { TimeUnixNano = Some.UnixNano(Some.Time), Flags = (uint)DataPointFlags.NoRecordedValueMask },
                    new NumberDataPoint { TimeUnixNano = Some.UnixNano(Some.Time), AsInt = 7 },
                },
            },
        };

        var result = OtlpMapper.MapMetrics(Some.Metrics(metric));

        Assert.Equal([null, 7.0], result.Batch.MetricPoints.Select(p => p.Value));
        Assert.Equal(1, result.Rejected);
    }
}
