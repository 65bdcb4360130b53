using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Vigil.Configuration;
using Vigil.Pipeline;

namespace Vigil.Tests.Support;

/// <summary>
/// A real Vigil pipeline for one test: its own working directory and environment (nothing from the
/// machine leaks in), console output captured, and collecting exporters added after Vigil's own
/// processors, so they see exactly what a sink would.
/// </summary>
internal sealed class TestVigil : IDisposable
{
    private readonly TempDirectory _directory;

    private TestVigil(TempDirectory directory, VigilSdk sdk, CollectingLogExporter logs, List<Activity> spans, StringWriter console)
    {
        _directory = directory;
        Sdk = sdk;
        LogExporter = logs;
        SpanList = spans;
        Console = console;
    }

    public VigilSdk Sdk { get; }

    public CollectingLogExporter LogExporter { get; }

    public StringWriter Console { get; }

    public string WorkingDirectory => _directory.Path;

    private List<Activity> SpanList { get; }

    public IReadOnlyList<Activity> Spans
    {
        get
        {
            lock (SpanList)
            {
                return [.. SpanList];
            }
        }
    }

    public static TestVigil Start(Action<VigilOptions>? configure = null, IReadOnlyDictionary<string, string?>? environment = null, string? vigilJson = null, Action<IServiceCollection>? configureServices = null)
    {
        var directory = new TempDirectory();
        if (vigilJson is not null)
        {
            directory.Write("vigil.json", vigilJson);
        }

        var logs = new CollectingLogExporter();
        var spans = new List<Activity>();
        var console = new StringWriter();
        var variables = environment ?? new Dictionary<string, string?>();
        var context = new VigilStartupContext(directory.Path, variables);
        var sinkEnvironment = new SinkEnvironment(console, ConsoleIsTerminal: false, variables, directory.Path);
        var sdk = VigilSdk.Start(
            context,
            sinkEnvironment,
            options =>
            {
                options.Console.Enabled = false;
                options.Store.Enabled = false;

                // Process-wide handlers: a test that wants them turns them on, so others never see its exceptions.
                options.Errors.CaptureUnhandled = false;
                configure?.Invoke(options);
            },
            services =>
            {
                services.ConfigureOpenTelemetryLoggerProvider(b => b.AddProcessor(new SimpleLogRecordExportProcessor(logs)));
                services.ConfigureOpenTelemetryTracerProvider(b => b.AddProcessor(new SimpleActivityExportProcessor(new CollectingSpanExporter(spans))));
                configureServices?.Invoke(services);
            });
        return new TestVigil(directory, sdk, logs, spans, console);
    }

    /// <summary>Flushes and stops the pipeline, so everything emitted has reached the exporters.</summary>
    public void Stop() => Sdk.Dispose();

    public void Dispose()
    {
        Sdk.Dispose();
        _directory.Dispose();
    }

    private sealed class CollectingSpanExporter(List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var activity in batch)
                {
                    spans.Add(activity);
                }
            }

            return ExportResult.Success;
        }
    }
}
