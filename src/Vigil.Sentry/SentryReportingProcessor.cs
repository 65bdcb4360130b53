using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Internal;

namespace Vigil.Sentry;

/// <summary>
/// Sends each log record that carries an exception, from <c>Errors:MinimumLogLevel</c> up, to Sentry as an event: the
/// same threshold that makes it an error event in Vigil's store, so both see the same failures. It runs after Vigil's
/// enrichment and redaction processors (it is added after them), on the Sentry SDK's background worker, whose queue is
/// bounded and drops when full (sentry-dotnet's BackgroundWorker), so the application never waits on Sentry.
/// </summary>
internal sealed class SentryReportingProcessor : BaseProcessor<LogRecord>
{
    private const string Name = "sentry";

    private readonly SentryClient _client;
    private readonly LogLevel _minimumLevel;
    private readonly string? _serviceName;

    private SentryReportingProcessor(SentryClient client, LogLevel minimumLevel, string? serviceName)
    {
        _client = client;
        _minimumLevel = minimumLevel;
        _serviceName = serviceName;
    }

    /// <summary>A processor for <paramref name="options"/>; one that does nothing when no DSN is configured.</summary>
    public static BaseProcessor<LogRecord> Create(VigilOptions options)
    {
        if (SentryClientOptions.From(options) is not { } sentry)
        {
            return new NoOp();
        }

        return new SentryReportingProcessor(new SentryClient(sentry), options.Errors.MinimumLogLevel, options.Service.Name);
    }

    public override void OnEnd(LogRecord data)
    {
        if (data.Exception is not { } exception || data.LogLevel < _minimumLevel)
        {
            return;
        }

        try
        {
            _client.CaptureEvent(SentryEventMapper.ToEvent(data, exception, _serviceName));
        }
        catch (Exception failure)
        {
            VigilSdkEventSource.Log.ProcessorFailed(Name, failure);
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        _client.FlushAsync(TimeSpan.FromMilliseconds(timeoutMilliseconds < 0 ? 30_000 : timeoutMilliseconds)).GetAwaiter().GetResult();
        return true;
    }

    protected override bool OnShutdown(int timeoutMilliseconds) => OnForceFlush(timeoutMilliseconds);

    private sealed class NoOp : BaseProcessor<LogRecord>;
}
