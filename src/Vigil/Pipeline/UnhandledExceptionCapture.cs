using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Internal;

namespace Vigil.Pipeline;

/// <summary>
/// Logs unhandled exceptions (Critical) and unobserved task exceptions (Error) through the category
/// <see cref="CategoryName"/>, so every sink gets them and the store groups them like any other error.
/// An unhandled exception ends the process, so the pipeline is flushed before the handler returns, within
/// <see cref="FlushTimeout"/>. Nothing here changes what the application does: unobserved exceptions are
/// not marked observed, and a fault of ours goes to the Vigil-Sdk EventSource, never to the application.
/// Installed by the host (as a hosted service) or by <see cref="VigilSdk"/>; once per pipeline.
/// </summary>
internal sealed class UnhandledExceptionCapture : IHostedService, IDisposable
{
    public const string CategoryName = "Vigil.Errors";

    /// <summary>How long a dying process waits for its last records to be exported: as long as disposing would.</summary>
    public static readonly TimeSpan FlushTimeout = PipelineDefaults.FlushTimeout;

    private const int NotInstalled = 0;
    private const int Installed = 1;
    private const int Disposed = 2;

    private readonly ILogger _logger;
    private readonly IServiceProvider _services;
    private int _state;

    public UnhandledExceptionCapture(ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _logger = loggerFactory.CreateLogger(CategoryName);
        _services = services;
    }

    public bool IsInstalled => Volatile.Read(ref _state) == Installed;

    public void Install()
    {
        if (Interlocked.CompareExchange(ref _state, Installed, NotInstalled) == NotInstalled)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
            TaskScheduler.UnobservedTaskException += OnUnobservedTaskException;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Install();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _state, Disposed) == Installed)
        {
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
            TaskScheduler.UnobservedTaskException -= OnUnobservedTaskException;
        }
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        try
        {
            // A non-Exception object can be thrown from other languages; the runtime wraps it the same way.
            var exception = e.ExceptionObject as Exception ?? new RuntimeWrappedException(e.ExceptionObject);
            Operations.Log.UnhandledException(_logger, exception, e.IsTerminating);
            if (e.IsTerminating)
            {
                PipelineFlush.Flush(
                    _services.GetService<LoggerProvider>(),
                    _services.GetService<TracerProvider>(),
                    _services.GetService<MeterProvider>(),
                    FlushTimeout);
            }
        }
        catch (Exception fault)
        {
            // The application is already failing; ours must not replace its exception.
            VigilSdkEventSource.Log.ProcessorFailed(CategoryName, fault);
        }
    }

    private void OnUnobservedTaskException(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        try
        {
            Operations.Log.UnobservedTaskException(_logger, e.Exception);
        }
        catch (Exception fault)
        {
            VigilSdkEventSource.Log.ProcessorFailed(CategoryName, fault);
        }
    }
}
