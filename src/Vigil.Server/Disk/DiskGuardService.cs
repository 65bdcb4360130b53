namespace Vigil.Server.Disk;

/// <summary>
/// Runs <see cref="DiskGuard.CheckAsync"/> at start and every <see cref="DiskGuardOptions.Interval"/>. A check that
/// fails (the disk cannot be measured, the store is busy) is logged and leaves the last decision in place; it never
/// stops the server.
/// </summary>
internal sealed partial class DiskGuardService(DiskGuard guard, DiskGuardOptions options, ILogger<DiskGuardService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        try
        {
            do
            {
                try
                {
                    await guard.CheckAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The disk guard could not measure the store's disk, tried again at the next interval: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);
}
