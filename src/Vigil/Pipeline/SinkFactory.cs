using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using Vigil.Configuration;
using Vigil.LocalStore;
using Vigil.Logging;
using Vigil.Model;

namespace Vigil.Pipeline;

/// <summary>Builds each enabled sink's exporter behind its own bounded queue.</summary>
internal sealed class SinkFactory
{
    private readonly VigilOptions _options;
    private readonly ExportQueueRegistry _queues;
    private readonly SinkEnvironment _environment;
    private readonly TelemetryResource _resource;
    private readonly LocalStoreWriter? _store;

    // The local store, when on, is handed over: its exporters hold references and close it.
    public SinkFactory(VigilOptions options, ExportQueueRegistry queues, SinkEnvironment environment, IReadOnlyDictionary<string, object> resource, LocalStoreWriter? store)
    {
        _options = options;
        _queues = queues;
        _environment = environment;
        _resource = TelemetryMapper.ToResource(resource);
        _store = store;
    }

    public IEnumerable<BaseProcessor<LogRecord>> CreateLogProcessors()
    {
        if (_options.Console.Enabled)
        {
            var variables = _environment.Variables
                .Where(pair => pair.Value is not null)
                .ToDictionary(pair => pair.Key, pair => pair.Value!, StringComparer.Ordinal);
            var console = new ConsoleLogExporter(_options.Console, _environment.ConsoleOutput, _environment.ConsoleIsTerminal, variables);
            yield return LogProcessor(ConsoleLogExporter.SinkName, console, _options.Console.FlushIntervalMilliseconds);
        }

        if (_options.File.Enabled)
        {
            // A relative path is relative to the working directory Vigil was started in, not wherever the process is now.
            var file = new FileSinkOptions
            {
                Enabled = true,
                Path = Path.GetFullPath(_options.File.Path, _environment.WorkingDirectory),
                MaxFileSizeBytes = _options.File.MaxFileSizeBytes,
                MaxFiles = _options.File.MaxFiles,
            };
            yield return LogProcessor(RollingFileLogExporter.SinkName, new RollingFileLogExporter(file), _options.Export.ScheduledDelayMilliseconds);
        }

        if (_store is not null)
        {
            yield return LogProcessor(LocalStoreWriter.SinkName, new StoreLogExporter(_store, _resource), _options.Export.ScheduledDelayMilliseconds);
        }

        if (_options.Otlp.Enabled)
        {
            yield return LogProcessor("otlp", new OtlpLogExporter(OtlpOptions("/v1/logs")), _options.Export.ScheduledDelayMilliseconds);
        }
    }

    public IEnumerable<BaseProcessor<Activity>> CreateSpanProcessors()
    {
        if (_store is not null)
        {
            yield return SpanProcessor(LocalStoreWriter.SinkName, new StoreSpanExporter(_store, _resource));
        }

        if (_options.Otlp.Enabled)
        {
            yield return SpanProcessor("otlp", new OtlpTraceExporter(OtlpOptions("/v1/traces")));
        }
    }

    public IEnumerable<MetricReader> CreateMetricReaders()
    {
        if (_store is not null)
        {
            yield return new PeriodicExportingMetricReader(new StoreMetricExporter(_store, _resource), _options.Metrics.ExportIntervalMilliseconds, PipelineDefaults.ExporterTimeoutMilliseconds);
        }

        if (_options.Otlp.Enabled)
        {
            yield return new PeriodicExportingMetricReader(new OtlpMetricExporter(OtlpOptions("/v1/metrics")), _options.Metrics.ExportIntervalMilliseconds, _options.Otlp.TimeoutMilliseconds);
        }

        if (_options.Influx.Enabled)
        {
            var influx = _options.Influx;
            var exporter = new InfluxMetricExporter(influx, _resource, _queues.Create(InfluxMetricExporter.SinkName, "metrics"));
            yield return new PeriodicExportingMetricReader(exporter, _options.Metrics.ExportIntervalMilliseconds, influx.TimeoutMilliseconds)
            {
                TemporalityPreference = influx.Temporality == InfluxTemporality.Delta ? MetricReaderTemporalityPreference.Delta : MetricReaderTemporalityPreference.Cumulative,
            };
        }

        if (_options.PushGateway.Enabled)
        {
            // No period: the reader collects only when the SDK flushes or stops, and the exporter pushes the last collection on stop.
            var exporter = new PushGatewayMetricExporter(_options.PushGateway, _resource, _queues.Create(PushGatewayMetricExporter.SinkName, "metrics"));
            yield return new BaseExportingMetricReader(exporter) { TemporalityPreference = MetricReaderTemporalityPreference.Cumulative };
        }
    }

    private BoundedLogRecordProcessor LogProcessor(string sink, BaseExporter<LogRecord> exporter, int scheduledDelayMilliseconds) =>
        new(exporter, _queues.Create(sink, "logs"), _options.Export.MaxBatchSize, scheduledDelayMilliseconds);

    private BoundedSpanProcessor SpanProcessor(string sink, BaseExporter<Activity> exporter) =>
        new(exporter, _queues.Create(sink, "spans"), _options.Export.MaxBatchSize, _options.Export.ScheduledDelayMilliseconds);

    private OtlpExporterOptions OtlpOptions(string httpSignalPath)
    {
        var otlp = _options.Otlp;
        var exporterOptions = new OtlpExporterOptions
        {
            Protocol = otlp.Protocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf,
            TimeoutMilliseconds = otlp.TimeoutMilliseconds,
        };

        if (otlp.Headers is not null)
        {
            exporterOptions.Headers = otlp.Headers;
        }

        var endpoint = otlp.Endpoint ?? new Uri(otlp.Protocol == OtlpProtocol.Grpc ? "http://localhost:4317" : "http://localhost:4318");

        // An endpoint set in code is used as it is, so for HTTP the signal's path is ours to append,
        // as the specification says for OTEL_EXPORTER_OTLP_ENDPOINT.
        exporterOptions.Endpoint = otlp.Protocol == OtlpProtocol.Grpc
            ? endpoint
            : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + httpSignalPath);
        return exporterOptions;
    }
}
