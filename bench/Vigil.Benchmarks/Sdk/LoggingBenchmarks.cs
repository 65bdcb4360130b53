using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Serilog;
using Serilog.Extensions.Logging;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// One log call with two structured properties, at an enabled level (Information) and a disabled one
/// (Debug, minimum Information): Vigil, bare OpenTelemetry and Serilog, each writing to a no-op sink.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "BenchmarkDotNet disposes them in [GlobalCleanup].")]
[MemoryDiagnoser]
[CategoriesColumn]
[Config(typeof(SdkBenchmarkConfig))]
public class LoggingBenchmarks
{
    private const string Category = "Bench.Orders";
    private const int OrderId = 42;
    private const string Country = "NL";

    private readonly BenchSinks _sinks = new();
    private ILoggerFactory? _factory;
    private BatchLogRecordExportProcessor? _openTelemetryProcessor;
    private VigilSdk? _vigil;
    private Serilog.Core.Logger? _serilog;
    private NoopSerilogSink? _serilogSink;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    [GlobalSetup(Targets = [nameof(Enabled_OpenTelemetry), nameof(Disabled_OpenTelemetry), nameof(Extension_OpenTelemetry)])]
    public void SetupOpenTelemetry()
    {
        _openTelemetryProcessor = _sinks.OpenTelemetryLogProcessor();
        _factory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddOpenTelemetry(options => options.IncludeFormattedMessage = true);
            logging.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(_openTelemetryProcessor));
        });
        _logger = _factory.CreateLogger(Category);
    }

    [GlobalSetup(Target = nameof(Synchronous_OpenTelemetry))]
    public void SetupOpenTelemetrySynchronous()
    {
        _factory = LoggerFactory.Create(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddOpenTelemetry(options => options.IncludeFormattedMessage = true);
            logging.Services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(_sinks.SynchronousLogProcessor()));
        });
        _logger = _factory.CreateLogger(Category);
    }

    [GlobalSetup(Target = nameof(Synchronous_Vigil))]
    public void SetupVigilSynchronous()
    {
        _vigil = BenchPipelines.StartVigil(_sinks, o => o.Logging.MinimumLevel["Default"] = LogLevel.Information, synchronousLogs: true);
        _logger = _vigil.CreateLogger(Category);
    }

    [GlobalSetup(Target = nameof(Synchronous_VigilWithoutRedaction))]
    public void SetupVigilSynchronousWithoutRedaction()
    {
        _vigil = BenchPipelines.StartVigil(
            _sinks,
            o =>
            {
                o.Logging.MinimumLevel["Default"] = LogLevel.Information;
                o.Redaction.Enabled = false;
            },
            synchronousLogs: true);
        _logger = _vigil.CreateLogger(Category);
    }

    [GlobalSetup(Targets = [nameof(Enabled_Vigil), nameof(Disabled_Vigil), nameof(Extension_Vigil)])]
    public void SetupVigil()
    {
        _vigil = BenchPipelines.StartVigil(_sinks, o => o.Logging.MinimumLevel["Default"] = LogLevel.Information);
        _logger = _vigil.CreateLogger(Category);
    }

    [GlobalSetup(Targets = [nameof(Enabled_Serilog), nameof(Disabled_Serilog), nameof(Enabled_SerilogViaMel), nameof(Disabled_SerilogViaMel), nameof(Extension_SerilogViaMel)])]
    public void SetupSerilog()
    {
        _serilogSink = new NoopSerilogSink();
        _serilog = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(_serilogSink).CreateLogger();
        _factory = new SerilogLoggerFactory(_serilog);
        _logger = _factory.CreateLogger(Category);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _vigil?.Dispose();
        _factory?.Dispose();
        _serilog?.Dispose();
        Console.WriteLine(BenchSinks.Report(nameof(LoggingBenchmarks), _sinks, _openTelemetryProcessor));
        if (_serilogSink is not null)
        {
            Console.WriteLine($"// Serilog sink received {_serilogSink.Emitted} events");
        }
    }

    [BenchmarkCategory("Log enabled"), Benchmark(Baseline = true)]
    public void Enabled_OpenTelemetry() => Log.OrderShipped(_logger, OrderId, Country);

    [BenchmarkCategory("Log enabled"), Benchmark]
    public void Enabled_Vigil() => Log.OrderShipped(_logger, OrderId, Country);

    [BenchmarkCategory("Log enabled"), Benchmark]
    public void Enabled_Serilog() => _serilog!.Information(Log.ShippedTemplate, OrderId, Country);

    [BenchmarkCategory("Log enabled"), Benchmark]
    public void Enabled_SerilogViaMel() => Log.OrderShipped(_logger, OrderId, Country);

    [BenchmarkCategory("Log disabled"), Benchmark(Baseline = true)]
    public void Disabled_OpenTelemetry() => Log.OrderPacked(_logger, OrderId, Country);

    [BenchmarkCategory("Log disabled"), Benchmark]
    public void Disabled_Vigil() => Log.OrderPacked(_logger, OrderId, Country);

    [BenchmarkCategory("Log disabled"), Benchmark]
    public void Disabled_Serilog() => _serilog!.Debug("Order {OrderId} packed in {Warehouse}", OrderId, Country);

    [BenchmarkCategory("Log disabled"), Benchmark]
    public void Disabled_SerilogViaMel() => Log.OrderPacked(_logger, OrderId, Country);

    // Diagnostic rows: no export thread, no queue, no pool misses; only the logging thread's work is timed.
    [BenchmarkCategory("Log enabled, sync export"), Benchmark(Baseline = true)]
    public void Synchronous_OpenTelemetry() => Log.OrderShipped(_logger, OrderId, Country);

    [BenchmarkCategory("Log enabled, sync export"), Benchmark]
    public void Synchronous_Vigil() => Log.OrderShipped(_logger, OrderId, Country);

    [BenchmarkCategory("Log enabled, sync export"), Benchmark]
    public void Synchronous_VigilWithoutRedaction() => Log.OrderShipped(_logger, OrderId, Country);

#pragma warning disable CA1848, CA1873, CA2254 // The extension style is measured on purpose: it is what much existing code does.
    [BenchmarkCategory("Log extension"), Benchmark(Baseline = true)]
    public void Extension_OpenTelemetry() => _logger.LogInformation(Log.ShippedTemplate, OrderId, Country);

    [BenchmarkCategory("Log extension"), Benchmark]
    public void Extension_Vigil() => _logger.LogInformation(Log.ShippedTemplate, OrderId, Country);

    [BenchmarkCategory("Log extension"), Benchmark]
    public void Extension_SerilogViaMel() => _logger.LogInformation(Log.ShippedTemplate, OrderId, Country);
#pragma warning restore CA1848, CA1873, CA2254
}
