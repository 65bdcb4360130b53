using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Recording;
using Vigil.Tracing;
using Vigil.Storage.Builds;

namespace Vigil.Cli.Commands.Exec;

/// <summary>
/// Records one <c>vigil exec</c> run through the Vigil SDK: the span, the output lines as log records and the
/// histograms, to the local store or over OTLP. The SDK is started with the CLI's environment and working directory,
/// minus the trace context (the span below is parented on it directly, rather than under a process span).
/// </summary>
internal sealed class ExecRecorder : IOutputLineRecorder, IAsyncDisposable
{
    private static readonly ActivitySource s_source = new(ExecSemantics.InstrumentationName);

    private readonly VigilSdk _sdk;
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _cpuTime;
    private readonly Histogram<long> _peakMemory;
    private readonly ILogger _logger;

    private ExecRecorder(VigilSdk sdk)
    {
        _sdk = sdk;
        _meter = new Meter(ExecSemantics.InstrumentationName);
        _duration = _meter.CreateHistogram<double>(ExecSemantics.DurationMetric, "s", "How long vigil exec's commands took.");
        _cpuTime = _meter.CreateHistogram<double>(ExecSemantics.CpuTimeMetric, "s", "The CPU time (user + system) of vigil exec's commands.");
        _peakMemory = _meter.CreateHistogram<long>(ExecSemantics.PeakMemoryMetric, "By", "The peak resident memory of vigil exec's commands.");
        _logger = sdk.CreateLogger(ExecSemantics.InstrumentationName);
    }

    /// <summary>
    /// Starts the SDK; throws what the SDK throws for a bad store or configuration. With <paramref name="pushGateway"/>
    /// (<c>--push-gateway</c>) or <c>PROMETHEUS_PUSH_GATEWAY</c>, the run's metrics are pushed when it ends, grouped by
    /// job <paramref name="job"/> (the task name, unless <c>PushGateway:Job</c> is configured) and the host name.
    /// </summary>
    public static ExecRecorder Start(RecordingDestination destination, string serviceName, IReadOnlyDictionary<string, string?> environment, string workingDirectory, Uri? pushGateway, string job) =>
        new(RecordingSdk.Start(destination, serviceName, ExecSemantics.InstrumentationName, environment, workingDirectory, o =>
        {
            if (pushGateway is not null)
            {
                o.PushGateway.Enabled = true;
                o.PushGateway.Endpoint = pushGateway;
            }

            // One group per task, so that `dotnet build` and `dotnet test` on one host do not replace each other's run.
            o.PushGateway.Job ??= job;
        }));

    /// <summary>
    /// Starts the command's span under <paramref name="parent"/> (the caller's <c>TRACEPARENT</c>), if any, before the
    /// SDK has started: the command starts at once with the span's ids in its <c>TRACEPARENT</c>, and the SDK, started
    /// meanwhile, records the span when it ends (an activity listener hears the end of every span of its sources,
    /// whenever it joined). The span is sampled as the SDK's parent-based sampler would: recorded unless the parent
    /// says not to.
    /// </summary>
    public static Activity? StartSpan(ExecCommandLine command, EnvironmentTraceContext? parent)
    {
        using var early = new ActivityListener
        {
            // By name: the source may be created by this very call (the type's first use), inside the listener's check.
            ShouldListenTo = static source => source.Name == ExecSemantics.InstrumentationName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent != default && !options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                    ? ActivitySamplingResult.PropagationData
                    : ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(early);
        var activity = s_source.StartActivity(command.Name, ActivityKind.Internal, parent?.Parent ?? default);
        if (activity is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(parent?.Parent.TraceState))
        {
            activity.TraceStateString = parent.Parent.TraceState;
        }

        foreach (var (key, value) in parent?.Baggage ?? [])
        {
            activity.SetBaggage(key, value);
        }

        return activity;
    }

    /// <inheritdoc />
    public void Line(string text, LogLevel level, bool fromStandardError, DateTime timestampUtc) =>
        _logger.Log(level, default, new OutputLineState(text, fromStandardError ? "stderr" : "stdout", timestampUtc), null, OutputLineState.Format);

    /// <summary>Records the histograms of a finished run.</summary>
    public void Finished(string name, string result, TimeSpan duration, ResourceFigures? resources)
    {
        var task = new KeyValuePair<string, object?>(ExecSemantics.TaskName, name);
        _duration.Record(duration.TotalSeconds, task, new(ExecSemantics.TaskResult, result));
        if (resources is not null)
        {
            _cpuTime.Record(resources.CpuTime.TotalSeconds, task);
            _peakMemory.Record(resources.PeakMemoryBytes, task);
        }
    }

    /// <summary>Flushes every record (the SDK's own timeout bounds it) and stops the SDK.</summary>
    public async ValueTask DisposeAsync()
    {
        // The SDK first: its last collection must still see the instruments.
        await _sdk.DisposeAsync().ConfigureAwait(false);
        _meter.Dispose();
    }
}
