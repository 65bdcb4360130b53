namespace Vigil.Server.Disk;

/// <summary>
/// Runs <see cref="DiskGuard.CheckAsync"/> at start and every <see cref="DiskGuardOptions.Interval"/>. A check that
/// fails (the disk cannot be measured, the store is busy) is logged and leaves the last decision in place; it never
/// stops the server.
/// </summary>
internal sealed partial class DiskGuardService(DiskGuard guard, DiskGuardOptions options, ILogger<DiskGuardService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(options.Interval, guard.CheckAsync, e => LogFailed(logger, e, e.Message), stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The disk guard could not measure the store's disk, tried again at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
