using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Metrics;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// Recording a measurement: <c>Counter&lt;long&gt;.Add</c> without tags and with three,
/// <c>Histogram&lt;double&gt;.Record</c> with three. Vigil and bare OpenTelemetry read through a reader
/// that collects only on demand; prometheus-net records into its own registry.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in [GlobalCleanup].")]
[MemoryDiagnoser]
[CategoriesColumn]
[Config(typeof(SdkBenchmarkConfig))]
public class MetricsBenchmarks
{
    private const string MeterName = "Bench.Metrics";

    // Tag values are strings: an int or bool value would be boxed on every call.
    private const string Method = "GET";
    private const string Route = "/orders/{id}";
    private const string Status = "200";

    private readonly BenchSinks _sinks = new();
    private MeterProvider? _meterProvider;
    private VigilSdk? _vigil;
    private Meter? _meter;
    private Counter<long>? _counter;
    private Histogram<double>? _histogram;
    private Prometheus.Counter? _promCounter;
    private Prometheus.Counter? _promLabelledCounter;
    private Prometheus.Histogram? _promHistogram;
    private ActivitySource? _spanSource;
    private ActivityListener? _spanListener;
    private Activity? _span;

    [GlobalSetup(Targets = [nameof(Counter_OpenTelemetry), nameof(Counter3Tags_OpenTelemetry), nameof(Histogram3Tags_OpenTelemetry)])]
    public void SetupOpenTelemetry()
    {
        _meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(MeterName).AddReader(_sinks.MetricReader()).Build();
        CreateInstruments();
    }

    /// <summary>
    /// Bare OpenTelemetry with the aggregation Vigil gives a histogram by default (base-2 exponential buckets), so the
    /// Vigil row can be told apart from the cost of the aggregation itself.
    /// </summary>
    [GlobalSetup(Targets = [nameof(Histogram3Tags_OpenTelemetryExponential)])]
    public void SetupOpenTelemetryExponential()
    {
        _meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(MeterName)
            .AddView(_ => new Base2ExponentialBucketHistogramConfiguration())
            .AddReader(_sinks.MetricReader())
            .Build();
        CreateInstruments();
    }

    [GlobalSetup(Targets = [nameof(Counter_Vigil), nameof(Counter3Tags_Vigil), nameof(Histogram3Tags_Vigil)])]
    public void SetupVigil()
    {
        _vigil = BenchPipelines.StartVigil(_sinks, o => o.Metrics.Meters.Add(MeterName));
        CreateInstruments();
    }

    /// <summary>
    /// Bare OpenTelemetry with the exemplar filter Vigil sets by default (trace-based), recording inside a sampled
    /// span: the cost of offering each measurement to the point's exemplar reservoir.
    /// </summary>
    [GlobalSetup(Targets = [nameof(HistogramInSpan_OpenTelemetryTraceBased)])]
    public void SetupOpenTelemetryInSpan()
    {
        _meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(MeterName)
            .AddView(_ => new Base2ExponentialBucketHistogramConfiguration())
            .SetExemplarFilter(ExemplarFilterType.TraceBased)
            .AddReader(_sinks.MetricReader())
            .Build();
        CreateInstruments();
        StartSpan();
    }

    [GlobalSetup(Targets = [nameof(HistogramInSpan_Vigil)])]
    public void SetupVigilInSpan()
    {
        SetupVigil();
        StartSpan();
    }

    [GlobalSetup(Targets = [nameof(Counter_Prometheus), nameof(Counter3Tags_Prometheus), nameof(Histogram3Tags_Prometheus)])]
    public void SetupPrometheus()
    {
        var metrics = Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry());
        _promCounter = metrics.CreateCounter("bench_requests_total", "Requests.");
        _promLabelledCounter = metrics.CreateCounter("bench_labelled_requests_total", "Requests.", "method", "route", "status");
        _promHistogram = metrics.CreateHistogram("bench_request_duration_seconds", "Request duration.", "method", "route", "status");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // A row against an instrument nobody listens to would measure nothing.
        Console.WriteLine($"// counter enabled={_counter?.Enabled}, histogram enabled={_histogram?.Enabled}, in a recorded span={Activity.Current?.Recorded == true}");
        _span?.Dispose();
        _spanListener?.Dispose();
        _spanSource?.Dispose();
        _vigil?.Dispose();
        _meterProvider?.Dispose();
        _meter?.Dispose();
    }

    [BenchmarkCategory("Counter, 0 tags"), Benchmark(Baseline = true)]
    public void Counter_OpenTelemetry() => _counter!.Add(1);

    [BenchmarkCategory("Counter, 0 tags"), Benchmark]
    public void Counter_Vigil() => _counter!.Add(1);

    [BenchmarkCategory("Counter, 0 tags"), Benchmark]
    public void Counter_Prometheus() => _promCounter!.Inc();

    [BenchmarkCategory("Counter, 3 tags"), Benchmark(Baseline = true)]
    public void Counter3Tags_OpenTelemetry() => _counter!.Add(1, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Counter, 3 tags"), Benchmark]
    public void Counter3Tags_Vigil() => _counter!.Add(1, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Counter, 3 tags"), Benchmark]
    public void Counter3Tags_Prometheus() => _promLabelledCounter!.WithLabels(Method, Route, Status).Inc();

    [BenchmarkCategory("Histogram, 3 tags"), Benchmark(Baseline = true)]
    public void Histogram3Tags_OpenTelemetry() => _histogram!.Record(0.042, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Histogram, 3 tags"), Benchmark]
    public void Histogram3Tags_OpenTelemetryExponential() => _histogram!.Record(0.042, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Histogram, 3 tags"), Benchmark]
    public void Histogram3Tags_Vigil() => _histogram!.Record(0.042, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Histogram, 3 tags"), Benchmark]
    public void Histogram3Tags_Prometheus() => _promHistogram!.WithLabels(Method, Route, Status).Observe(0.042);

    [BenchmarkCategory("Histogram, 3 tags, inside a sampled span"), Benchmark(Baseline = true)]
    public void HistogramInSpan_OpenTelemetryTraceBased() => _histogram!.Record(0.042, new("method", Method), new("route", Route), new("status", Status));

    [BenchmarkCategory("Histogram, 3 tags, inside a sampled span"), Benchmark]
    public void HistogramInSpan_Vigil() => _histogram!.Record(0.042, new("method", Method), new("route", Route), new("status", Status));

    // A recorded span made current for the rest of the run: BenchmarkDotNet calls the setup and the benchmark on one
    // thread, so the Activity.Current set here stays current (the cleanup line says whether it did).
    private void StartSpan()
    {
        _spanSource = new ActivitySource("Bench.Metrics.Span");
        _spanListener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _spanSource),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_spanListener);
        _span = _spanSource.StartActivity("request");
    }

    private void CreateInstruments()
    {
        _meter = new Meter(MeterName);
        _counter = _meter.CreateCounter<long>("bench.requests");
        _histogram = _meter.CreateHistogram<double>("bench.request.duration", "s");
    }
}
