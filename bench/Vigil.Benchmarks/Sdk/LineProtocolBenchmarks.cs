using System.Text;
using BenchmarkDotNet.Attributes;
using Vigil.Metrics.Influx;
using Vigil.Model;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// InfluxDB line protocol serialisation cost per point (issue 15's target: at least a million points a second):
/// a sum with three tags and the resource's service, an explicit histogram of 10 buckets, an exponential histogram
/// of 20; then the whole write path's encoding (encode, UTF-8, cut into writes) for a collection of sums.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SdkBenchmarkConfig))]
public class LineProtocolBenchmarks
{
    private const int Points = 1000;

    private static readonly TelemetryResource s_resource = new() { Attributes = [new(TelemetryResource.ServiceNameKey, "shop")] };

    private readonly StringBuilder _output = new(1 << 20);
    private readonly InfluxWriteBatcher _batcher = new(InfluxSinkOptions.DefaultMaxLinesPerRequest, InfluxSinkOptions.DefaultMaxBytesPerRequest);
    private MetricPoint[] _sums = [];
    private MetricPoint[] _histograms = [];
    private MetricPoint[] _exponential = [];

    [GlobalSetup]
    public void Setup()
    {
        var time = DateTimeOffset.UtcNow;
        MetricSeriesInfo Series(string name, MetricKind kind, int i) => new()
        {
            Name = name,
            Kind = kind,
            Temporality = AggregationTemporality.Cumulative,
            Attributes = [new("http.request.method", "GET"), new("http.route", $"/orders/{i % 50}"), new("http.response.status_code", 200L)],
            Resource = s_resource,
        };

        _sums = [.. Enumerable.Range(0, Points).Select(i => new MetricPoint { Series = Series("http.server.requests", MetricKind.Sum, i), Timestamp = time, Value = i * 1.5 })];
        _histograms = [.. Enumerable.Range(0, Points).Select(i => new MetricPoint
        {
            Series = Series("http.server.request.duration", MetricKind.Histogram, i),
            Timestamp = time,
            Histogram = new HistogramData
            {
                Count = 100, Sum = 12.5, Min = 0.001, Max = 2.5,
                ExplicitBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
                BucketCounts = [1, 2, 3, 10, 20, 30, 20, 10, 3, 1],
            },
        })];
        _exponential = [.. Enumerable.Range(0, Points).Select(i => new MetricPoint
        {
            Series = Series("db.client.operation.duration", MetricKind.ExponentialHistogram, i),
            Timestamp = time,
            ExponentialHistogram = new ExponentialHistogramData
            {
                Count = 210, Sum = 99, Scale = 3, ZeroCount = 0, PositiveOffset = -40,
                PositiveBucketCounts = [.. Enumerable.Range(1, 20).Select(c => (long)c)],
            },
        })];
    }

    [Benchmark(OperationsPerInvoke = Points, Description = "sum, 3 tags")]
    public int Sum() => Encode(_sums);

    [Benchmark(OperationsPerInvoke = Points, Description = "histogram, 10 buckets")]
    public int Histogram() => Encode(_histograms);

    [Benchmark(OperationsPerInvoke = Points, Description = "exponential histogram, 20 buckets")]
    public int Exponential() => Encode(_exponential);

    [Benchmark(OperationsPerInvoke = Points, Description = "sum, 3 tags, to UTF-8 writes")]
    public int SumToWrites() => _batcher.Split(_sums, out _).Count;

    private int Encode(MetricPoint[] points)
    {
        _output.Clear();
        foreach (var point in points)
        {
            InfluxLineEncoder.TryAppend(_output, point);
        }

        return _output.Length;
    }
}
