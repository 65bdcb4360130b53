using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Vigil.Tests.Support;

/// <summary>Real Microsoft.Extensions.Logging + OpenTelemetry pipelines around the exporters under test.</summary>
internal static class LogPipeline
{
    /// <summary>A logger factory that sends every record, Trace up, through the given processors.</summary>
    public static ILoggerFactory Create(params BaseProcessor<LogRecord>[] processors) =>
        LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Trace)
            .AddOpenTelemetry(options =>
            {
                // As the Vigil pipeline sets it.
                options.IncludeFormattedMessage = true;
                foreach (var processor in processors)
                {
                    options.AddProcessor(processor);
                }
            }));

    /// <summary>A logger factory exporting each record at once through OpenTelemetry's simple processor.</summary>
    public static ILoggerFactory WithSimpleProcessor(params BaseExporter<LogRecord>[] exporters) =>
        Create([.. exporters.Select(exporter => new SimpleLogRecordExportProcessor(exporter))]);
}
