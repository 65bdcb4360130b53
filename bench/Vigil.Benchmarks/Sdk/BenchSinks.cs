using System.Diagnostics;
using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using Vigil.Pipeline;

namespace Vigil.Benchmarks.Sdk;

/// <summary>
/// One no-op exporter per signal and the queue gates Vigil's sink processors sit behind. After a run
/// <see cref="Report"/> says how many items reached the exporters and how many queues dropped, so a
/// fast row that only dropped records is seen for what it is.
/// </summary>
internal sealed class BenchSinks
{
    // What SinkFactory gives a real sink with the default ExportOptions.
    public const int MaxQueueSize = ExportOptions.DefaultMaxQueueSize;
    public const int MaxBatchSize = ExportOptions.DefaultMaxBatchSize;
    public const int ScheduledDelayMilliseconds = ExportOptions.DefaultScheduledDelayMilliseconds;
    public const int ExporterTimeoutMilliseconds = 30_000;

    public NoopExporter<LogRecord> Logs { get; } = new();

    public NoopExporter<Activity> Spans { get; } = new();

    public NoopExporter<Metric> Metrics { get; } = new();

    public ExportQueueGate LogGate { get; } = new("bench", "logs", MaxQueueSize);

    public ExportQueueGate SpanGate { get; } = new("bench", "spans", MaxQueueSize);

    public BoundedLogRecordProcessor VigilLogProcessor() => new(Logs, LogGate, MaxBatchSize, ScheduledDelayMilliseconds);

    public BoundedSpanProcessor VigilSpanProcessor() => new(Spans, SpanGate, MaxBatchSize, ScheduledDelayMilliseconds);

    public BatchLogRecordExportProcessor OpenTelemetryLogProcessor() => new(Logs, MaxQueueSize, ScheduledDelayMilliseconds, ExporterTimeoutMilliseconds, MaxBatchSize);

    /// <summary>Exports each record on the logging thread: for the diagnostic rows that time the logging thread alone.</summary>
    public SimpleLogRecordExportProcessor SynchronousLogProcessor() => new(Logs);

    public BatchActivityExportProcessor OpenTelemetrySpanProcessor() => new(Spans, MaxQueueSize, ScheduledDelayMilliseconds, ExporterTimeoutMilliseconds, MaxBatchSize);

    /// <summary>A reader that collects only when asked, so nothing is exported while a row is measured.</summary>
    public BaseExportingMetricReader MetricReader() => new(Metrics);

    public static string Report(string pipeline, BenchSinks sinks, BaseProcessor<LogRecord>? logProcessor = null, BaseProcessor<Activity>? spanProcessor = null) =>
        $"// {pipeline}: exported logs={sinks.Logs.Exported} spans={sinks.Spans.Exported}; "
        + $"dropped by Vigil gates logs={sinks.LogGate.Dropped} spans={sinks.SpanGate.Dropped}; "
        + $"dropped by OpenTelemetry queues logs={DroppedCount(logProcessor)} spans={DroppedCount(spanProcessor)}";

    // BatchExportProcessor keeps its drop count internal; reading it here is only for the run's report.
    private static string DroppedCount(object? processor) =>
        processor?.GetType().GetProperty("DroppedCount", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(processor)?.ToString() ?? "n/a";
}
