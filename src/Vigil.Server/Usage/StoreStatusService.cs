namespace Vigil.Server.Usage;

/// <summary>
/// Refreshes <see cref="StoreStatusSampler"/> at start and every <see cref="StoreStatusSampler.Interval"/>, so
/// <c>/metrics</c> has the store's per-signal figures without a scrape ever scanning. A failed measurement is logged
/// and leaves the last one in place; it never stops the server.
/// </summary>
internal sealed partial class StoreStatusService(StoreStatusSampler sampler, ILogger<StoreStatusService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(StoreStatusSampler.Interval, sampler.RefreshAsync, e => LogFailed(logger, e, e.Message), stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's status could not be measured, tried again at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
