using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Configuration;

namespace Vigil.Benchmarks.Sdk;

/// <summary>Starts Vigil isolated from the machine: an empty working directory, no environment variables.</summary>
internal static class BenchPipelines
{
    /// <param name="sinks">The no-op exporters.</param>
    /// <param name="configure">Options for the row.</param>
    /// <param name="synchronousLogs">
    /// Export logs through OpenTelemetry's simple (synchronous) processor instead of Vigil's bounded batch
    /// processor: a diagnostic that leaves out the export thread, so only the logging thread's work is timed.
    /// </param>
    public static VigilSdk StartVigil(BenchSinks sinks, Action<VigilOptions>? configure = null, bool synchronousLogs = false)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("vigil-bench-").FullName;
        var context = new VigilStartupContext(workingDirectory, new Dictionary<string, string?>());
        try
        {
            return Start(context, sinks, configure, synchronousLogs);
        }
        finally
        {
            // Only read at start-up (for a vigil.json); nothing here writes files.
            Directory.Delete(workingDirectory);
        }
    }

    private static VigilSdk Start(VigilStartupContext context, BenchSinks sinks, Action<VigilOptions>? configure, bool synchronousLogs) =>
        VigilSdk.Start(
            context,
            sinkEnvironment: null,
            options =>
            {
                // Only the no-op sink below: the console and the local store would add real I/O to the rows.
                options.Console.Enabled = false;
                options.Store.Enabled = false;
                configure?.Invoke(options);
            },
            services =>
            {
                // Exactly what SinkFactory builds for a real sink, with the exporter swapped for the no-op one.
                services.ConfigureOpenTelemetryLoggerProvider(logs => logs.AddProcessor(synchronousLogs ? sinks.SynchronousLogProcessor() : sinks.VigilLogProcessor()));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(sinks.VigilSpanProcessor()));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(sinks.MetricReader()));
            });
}
