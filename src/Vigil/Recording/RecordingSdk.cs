using Microsoft.Extensions.Logging;
using Vigil.Configuration;
using Vigil.Tracing;

namespace Vigil.Recording;

/// <summary>
/// The one way a recording tool (<c>vigil exec</c>, the MSBuild logger) starts the SDK: its own sources and meters
/// only, no console, file, health or unhandled-exception capture, a queue deep enough for a build's burst of lines,
/// and the trace context variables removed (the tool parents its span on them directly, not under a process span).
/// </summary>
internal static class RecordingSdk
{
    /// <summary>Starts the SDK, <paramref name="configure"/> last; throws what the SDK throws for a bad store or configuration.</summary>
    public static VigilSdk Start(RecordingDestination destination, string serviceName, string instrumentationName, IReadOnlyDictionary<string, string?> environment, string workingDirectory, Action<VigilOptions>? configure = null)
    {
        var withoutContext = environment
            .Where(e => e.Key is not (EnvironmentTraceContext.TraceParentVariable or EnvironmentTraceContext.TraceStateVariable or EnvironmentTraceContext.BaggageVariable))
            .ToDictionary(StringComparer.Ordinal);
        var startup = new VigilStartupContext(workingDirectory, withoutContext);

        // Nothing may reach the recorded command's own output: the console sink stays off and its writer is a null one.
        var sinks = new SinkEnvironment(TextWriter.Null, ConsoleIsTerminal: false, withoutContext, workingDirectory);
        return VigilSdk.Start(startup, sinks, o =>
        {
            o.Service.Name = serviceName;
            o.Console.Enabled = false;
            o.File.Enabled = false;
            o.Health.Enabled = false;
            o.Errors.CaptureUnhandled = false;
            o.Tracing.Enabled = true;
            o.Tracing.Sampler = SamplerKind.ParentBasedAlwaysOn;
            o.Tracing.Sources.Add(instrumentationName);
            o.Metrics.Enabled = true;
            o.Metrics.Meters.Add(instrumentationName);
            o.Logging.MinimumLevel[instrumentationName] = LogLevel.Information;

            // The tool's own record only: not the host's runtime metrics (vigil's, or MSBuild's for the logger) nor
            // the HTTP calls made inside it (a restore's NuGet requests), which are not the command's or the build's.
            o.Instrumentation.Runtime = false;
            o.Instrumentation.HttpClient = false;
            o.Instrumentation.AspNetCore = false;

            // A build prints tens of thousands of lines within seconds; the default queue (8192) would drop most.
            o.Export.MaxQueueSize = 262_144;
            o.Export.MaxBatchSize = 4096;
            destination.ApplyTo(o);
            configure?.Invoke(o);
        });
    }
}
