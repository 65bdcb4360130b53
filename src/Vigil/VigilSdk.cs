using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Configuration;
using Vigil.Pipeline;
using Vigil.Tracing;

namespace Vigil;

/// <summary>
/// Vigil for programs without a generic host: console tools, scripts, tests. Start it once, use its
/// loggers and <see cref="Operations"/> (and any <c>Meter</c> or <c>ActivitySource</c> named in the
/// options), and dispose it before exit: disposing flushes every sink. Without a host, it is the host of the
/// services given to it: health checks registered with <c>AddHealthChecks()</c> run on Vigil's period.
/// </summary>
/// <example>
/// <code>
/// using var vigil = VigilSdk.Start(o => o.Metrics.Meters.Add("MyTool"));
/// var logger = vigil.CreateLogger("MyTool");
/// vigil.Operations.Track("import", () => Import(logger));
/// </code>
/// </example>
public sealed class VigilSdk : IDisposable, IAsyncDisposable
{
    /// <summary>How long disposing waits for the sinks to flush.</summary>
    public static readonly TimeSpan DefaultFlushTimeout = PipelineDefaults.FlushTimeout;

    private readonly ServiceProvider _services;
    private readonly TracerProvider? _tracerProvider;
    private readonly MeterProvider? _meterProvider;
    private readonly LoggerProvider? _loggerProvider;
    private readonly IHostedService[] _hostedServices;
    private readonly ProcessSpan? _processSpan;
    private int _disposed;

    private VigilSdk(ServiceProvider services, IReadOnlyDictionary<string, string?> environment)
    {
        _services = services;
        Options = services.GetRequiredService<VigilOptions>();
        LoggerFactory = services.GetRequiredService<ILoggerFactory>();
        Operations = services.GetRequiredService<OperationTracker>();

        // Resolving the providers is what starts them listening; a host's hosted service would do it otherwise.
        _tracerProvider = services.GetService<TracerProvider>();
        _meterProvider = services.GetService<MeterProvider>();
        _loggerProvider = services.GetService<LoggerProvider>();

        // Without a host the SDK starts what a host would: the unhandled-exception capture, the health checks'
        // scheduler, and any service registered as hosted.
        _hostedServices = [.. services.GetServices<IHostedService>()];
        foreach (var hosted in _hostedServices)
        {
            hosted.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        // Started inside a trace (TRACEPARENT, e.g. under vigil exec): the program's spans join it. Start is
        // synchronous, so the current Activity it sets here stays current in the caller.
        if (_tracerProvider is not null)
        {
            _processSpan = ProcessSpan.Start(OperationTracker.s_activitySource, environment, Options.Service.Name);
        }
    }

    /// <summary>The options in force, after configuration files, environment variables and code.</summary>
    public VigilOptions Options { get; }

    /// <summary>The logger factory whose loggers feed Vigil's sinks.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Tracks operations: span, duration and allocation histograms, and completion and failure logs.</summary>
    public OperationTracker Operations { get; }

    /// <summary>The services behind this instance.</summary>
    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts Vigil with configuration from vigil.json, environment variables and <paramref name="configure"/>, and
    /// with the services <paramref name="configureServices"/> adds, such as health checks
    /// (<c>services.AddHealthChecks().AddCheck(...)</c>). Hosted services among them start now and stop on dispose.
    /// </summary>
    /// <exception cref="VigilConfigurationException">The configuration is invalid; the message names each bad key.</exception>
    public static VigilSdk Start(Action<VigilOptions>? configure = null, Action<IServiceCollection>? configureServices = null) =>
        Start(VigilStartupContext.FromProcess(), sinkEnvironment: null, configure, configureServices);

    internal static VigilSdk Start(VigilStartupContext context, SinkEnvironment? sinkEnvironment, Action<VigilOptions>? configure, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        services.AddVigil(context, sinkEnvironment, configure);
        configureServices?.Invoke(services);
        return new VigilSdk(services.BuildServiceProvider(), context.Environment);
    }

    /// <summary>Creates a logger for <paramref name="categoryName"/>.</summary>
    public ILogger CreateLogger(string categoryName) => LoggerFactory.CreateLogger(categoryName);

    /// <summary>Creates a logger whose category is the full name of <typeparamref name="T"/>.</summary>
    public ILogger<T> CreateLogger<T>() => LoggerFactory.CreateLogger<T>();

    /// <summary>Exports everything buffered so far; returns whether every sink finished within <paramref name="timeout"/>.</summary>
    public bool Flush(TimeSpan timeout)
    {
        return PipelineFlush.Flush(_loggerProvider, _tracerProvider, _meterProvider, timeout);
    }

    /// <summary>Flushes every sink and stops.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                // Ended first, so the sinks flush it with the rest.
                _processSpan?.Dispose();

                // Stopped first, so nothing new is recorded while the sinks flush.
                using var stopping = new CancellationTokenSource(DefaultFlushTimeout);
                for (var i = _hostedServices.Length - 1; i >= 0; i--)
                {
                    _hostedServices[i].StopAsync(stopping.Token).GetAwaiter().GetResult();
                }
            }
            finally
            {
                Flush(DefaultFlushTimeout);
                _services.Dispose();
            }
        }
    }

    /// <summary>Flushes every sink and stops.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
