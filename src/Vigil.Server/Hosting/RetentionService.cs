using Microsoft.Extensions.Options;
using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>
/// Applies the configured retention (<c>Retention</c> in the configuration file) to the store every
/// <see cref="VigilServerOptions.RetentionInterval"/>, first when this instance starts leading: work that must happen
/// once per store, so of several servers on one database only the leader runs it, and a read-only instance never.
/// A failed run is logged and tried again at the next interval; it never stops the server.
/// </summary>
internal sealed partial class RetentionService(
    ILeaderElection election, IRetentionStore store, IOptions<VigilServerOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Retention is not { } retention
        ? Task.CompletedTask
        : election.RunWhileLeadingAsync(term => RunAsync(retention, options.Value.RetentionInterval, term), stoppingToken);

    private async Task RunAsync(RetentionOptions retention, TimeSpan interval, CancellationToken term)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var result = await store.ApplyRetentionAsync(retention, term).ConfigureAwait(false);
                LogApplied(logger, result.LogsDeleted, result.SpansDeleted, result.MetricPointsDeleted, result.ErrorEventsDeleted, result.HealthResultsDeleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(term).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Logs} log records, {Spans} spans, {Points} metric points, {ErrorEvents} error events, {HealthResults} health results")]
    private static partial void LogApplied(ILogger logger, long logs, long spans, long points, long errorEvents, long healthResults);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed, tried again at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
