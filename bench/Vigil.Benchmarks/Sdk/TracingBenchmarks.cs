using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using OpenTelemetry.Trace;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// A span started and stopped (<c>StartActivity</c> + <c>Dispose</c>) with every span sampled and
/// exported to the no-op exporter; then the same span with two attributes, which Vigil's redaction
/// processor inspects.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in [GlobalCleanup].")]
[MemoryDiagnoser]
[CategoriesColumn]
[Config(typeof(SdkBenchmarkConfig))]
public class TracingBenchmarks
{
    private const string SourceName = "Bench.Tracing";

    private static readonly ActivitySource s_source = new(SourceName);

    private readonly BenchSinks _sinks = new();
    private TracerProvider? _tracerProvider;
    private OpenTelemetry.BatchActivityExportProcessor? _openTelemetryProcessor;
    private VigilSdk? _vigil;

    [GlobalSetup(Targets = [nameof(Span_OpenTelemetry), nameof(SpanWithTags_OpenTelemetry)])]
    public void SetupOpenTelemetry()
    {
        _openTelemetryProcessor = _sinks.OpenTelemetrySpanProcessor();

        // The sampler Vigil uses by default, and OpenTelemetry's own default: parent-based, always on.
        _tracerProvider = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddSource(SourceName)
            .AddProcessor(_openTelemetryProcessor)
            .Build();
    }

    [GlobalSetup(Targets = [nameof(Span_Vigil), nameof(SpanWithTags_Vigil)])]
    public void SetupVigil() => _vigil = BenchPipelines.StartVigil(_sinks, o => o.Tracing.Sources.Add(SourceName));

    [GlobalCleanup]
    public void Cleanup()
    {
        _vigil?.Dispose();
        _tracerProvider?.Dispose();
        Console.WriteLine(BenchSinks.Report(nameof(TracingBenchmarks), _sinks, spanProcessor: _openTelemetryProcessor));
    }

#pragma warning disable CA1822 // BenchmarkDotNet runs benchmarks on an instance.
    [BenchmarkCategory("Span"), Benchmark(Baseline = true)]
    public void Span_OpenTelemetry() => StartAndStop();

    [BenchmarkCategory("Span"), Benchmark]
    public void Span_Vigil() => StartAndStop();

    [BenchmarkCategory("Span, 2 attributes"), Benchmark(Baseline = true)]
    public void SpanWithTags_OpenTelemetry() => StartAndStopWithTags();

    [BenchmarkCategory("Span, 2 attributes"), Benchmark]
    public void SpanWithTags_Vigil() => StartAndStopWithTags();
#pragma warning restore CA1822

    private static void StartAndStop()
    {
        using var activity = s_source.StartActivity("GET /orders/{id}");
    }

    private static void StartAndStopWithTags()
    {
        using var activity = s_source.StartActivity("GET /orders/{id}");
        activity?.SetTag("http.route", "/orders/{id}");
        activity?.SetTag("order.country", "NL");
    }
}
