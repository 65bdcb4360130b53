using Microsoft.Extensions.Options;
using Vigil.Model;
using Vigil.Server.Usage;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>
/// Applies the configured retention (<c>Retention</c> in the configuration file) to the store every
/// <see cref="VigilServerOptions.RetentionInterval"/>, first when this instance starts leading: work that must happen
/// once per store, so of several servers on one database only the leader runs it, and a read-only instance never.
/// A failed run is logged and tried again at the next interval; it never stops the server. Each run, failed or not,
/// is also recorded in the store (<see cref="RetentionRun"/>), which is where <c>vigil status</c> reads its last run.
/// </summary>
internal sealed partial class RetentionService(
    ILeaderElection election, IRetentionStore store, ITelemetryWriter writer, IOptions<VigilServerOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Retention is not { } retention
        ? Task.CompletedTask
        : election.RunWhileLeadingAsync(term => RunAsync(retention, options.Value.RetentionInterval, term), stoppingToken);

    private async Task RunAsync(RetentionOptions retention, TimeSpan interval, CancellationToken term)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            RetentionRun run;
            try
            {
                var result = await store.ApplyRetentionAsync(retention, term).ConfigureAwait(false);
                LogApplied(logger, result.LogsDeleted, result.SpansDeleted, result.MetricPointsDeleted, result.ErrorEventsDeleted, result.HealthResultsDeleted);
                run = new RetentionRun(TimeProvider.System.GetUtcNow(), result, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, e.Message);
                run = new RetentionRun(TimeProvider.System.GetUtcNow(), null, e.Message);
            }

            await RecordAsync(run, term).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(term).ConfigureAwait(false));
    }

    private async Task RecordAsync(RetentionRun run, CancellationToken term)
    {
        try
        {
            await writer.WriteAsync(new TelemetryBatch { Logs = [run.ToRecord()] }, term).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The pass itself is done (or logged as failed); only its record in the store is missing.
            LogNotRecorded(logger, e, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention's run could not be recorded in the store: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Logs} log records, {Spans} spans, {Points} metric points, {ErrorEvents} error events, {HealthResults} health results")]
    private static partial void LogApplied(ILogger logger, long logs, long spans, long points, long errorEvents, long healthResults);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed, tried again at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
