using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// <c>OperationTracker.Track(name, Action)</c> around an empty piece of work, against what a developer
/// would write by hand on bare OpenTelemetry (span, stopwatch, duration histogram tagged with the
/// operation and outcome, try/catch): first with nothing listening, then with the full pipeline.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in [GlobalCleanup].")]
[MemoryDiagnoser]
[CategoriesColumn]
[Config(typeof(SdkBenchmarkConfig))]
public class OperationTrackingBenchmarks
{
    private const string OperationName = "checkout";
    private const string HandWrittenName = "Bench.Operations";

    private static readonly Action s_work = static () => { };
    private static readonly double[] s_durationBucketsSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly long[] s_allocatedBucketsBytes = [0, 1_024, 16_384, 131_072, 1_048_576, 16_777_216, 134_217_728];
    private static readonly ActivitySource s_source = new(HandWrittenName);

    private readonly BenchSinks _sinks = new();
    private ServiceProvider? _meterServices;
    private Meter? _meter;
    private Histogram<double>? _duration;
    private Histogram<long>? _allocated;
    private TracerProvider? _tracerProvider;
    private MeterProvider? _meterProvider;
    private VigilSdk? _vigil;
    private OperationTracker? _tracker;

    [GlobalSetup(Targets = [nameof(Unobserved_DirectCall), nameof(Unobserved_HandWritten), nameof(Unobserved_VigilTrack), nameof(Unobserved_VigilBegin)])]
    public void SetupUnobserved()
    {
        // No ActivityListener, no MeterListener, a logger that is never enabled.
        _meterServices = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _meterServices.GetRequiredService<IMeterFactory>();
        _tracker = new OperationTracker(NullLoggerFactory.Instance, meterFactory);
        CreateHandWrittenHistogram(meterFactory.Create(HandWrittenName));
    }

    [GlobalSetup(Targets = [nameof(Observed_HandWritten), nameof(Observed_HandWrittenWithAllocations)])]
    public void SetupHandWrittenObserved()
    {
        _tracerProvider = OpenTelemetry.Sdk.CreateTracerProviderBuilder().AddSource(HandWrittenName).AddProcessor(_sinks.OpenTelemetrySpanProcessor()).Build();
        _meterProvider = OpenTelemetry.Sdk.CreateMeterProviderBuilder().AddMeter(HandWrittenName).AddReader(_sinks.MetricReader()).Build();
        CreateHandWrittenHistogram(new Meter(HandWrittenName));
    }

    [GlobalSetup(Targets = [nameof(Observed_VigilTrack), nameof(Observed_VigilBegin)])]
    public void SetupVigilObserved()
    {
        _vigil = BenchPipelines.StartVigil(_sinks);
        _tracker = _vigil.Operations;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _vigil?.Dispose();
        _tracerProvider?.Dispose();
        _meterProvider?.Dispose();
        _meter?.Dispose();
        _meterServices?.Dispose();
        Console.WriteLine(BenchSinks.Report(nameof(OperationTrackingBenchmarks), _sinks));
    }

#pragma warning disable CA1822 // BenchmarkDotNet runs benchmarks on an instance.
    [BenchmarkCategory("Track, nothing listening"), Benchmark]
    public void Unobserved_DirectCall() => s_work();
#pragma warning restore CA1822

    [BenchmarkCategory("Track, nothing listening"), Benchmark(Baseline = true)]
    public void Unobserved_HandWritten() => HandWrittenTrack(OperationName, s_work);

    [BenchmarkCategory("Track, nothing listening"), Benchmark]
    public void Unobserved_VigilTrack() => _tracker!.Track(OperationName, s_work);

    [BenchmarkCategory("Track, nothing listening"), Benchmark]
    public void Unobserved_VigilBegin()
    {
        using var operation = _tracker!.Begin(OperationName);
        s_work();
        operation.Complete();
    }

    [BenchmarkCategory("Track, full pipeline"), Benchmark(Baseline = true)]
    public void Observed_HandWritten() => HandWrittenTrack(OperationName, s_work);

    /// <summary>The hand-written version doing all Track does: also the allocated-bytes histogram.</summary>
    [BenchmarkCategory("Track, full pipeline"), Benchmark]
    public void Observed_HandWrittenWithAllocations() => HandWrittenTrack(OperationName, s_work, measureAllocations: true);

    [BenchmarkCategory("Track, full pipeline"), Benchmark]
    public void Observed_VigilTrack() => _tracker!.Track(OperationName, s_work);

    [BenchmarkCategory("Track, full pipeline"), Benchmark]
    public void Observed_VigilBegin()
    {
        using var operation = _tracker!.Begin(OperationName);
        s_work();
        operation.Complete();
    }

    private void CreateHandWrittenHistogram(Meter meter)
    {
        _meter = meter;
        _duration = meter.CreateHistogram("bench.operation.duration", "s", "Duration of operations.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBucketsSeconds });
        _allocated = meter.CreateHistogram("bench.operation.allocated", "By", "Bytes allocated by operations.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = s_allocatedBucketsBytes });
    }

    /// <summary>What tracking looks like without Vigil: the same span, tags and histogram, written out.</summary>
    private void HandWrittenTrack(string operation, Action work, bool measureAllocations = false)
    {
        var activity = s_source.StartActivity(operation);
        var allocatedAtStart = measureAllocations ? GC.GetAllocatedBytesForCurrentThread() : 0;
        var start = Stopwatch.GetTimestamp();
        var outcome = "success";
        try
        {
            work();
        }
        catch (Exception exception)
        {
            outcome = "failure";
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
        finally
        {
            if (activity is not null)
            {
                activity.SetTag("operation.outcome", outcome);
                activity.Stop();
            }

            _duration!.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, new("operation", operation), new("outcome", outcome));
            if (measureAllocations)
            {
                _allocated!.Record(GC.GetAllocatedBytesForCurrentThread() - allocatedAtStart, new("operation", operation), new("outcome", outcome));
            }
        }
    }
}
