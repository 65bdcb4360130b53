namespace Vigil.Server;

/// <summary>
/// The loop of the server's housekeeping services (the disk guard, the store's status, the expiry of received
/// alerts): the work at once, then every interval until the token stops it. A run that fails is handed to the caller's log and the loop goes on, so one bad
/// run (a busy store, a disk that cannot be measured) never stops the server.
/// </summary>
internal static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan interval, Func<CancellationToken, Task> work, Action<Exception> failed, CancellationToken stoppingToken, TimeProvider? time = null)
    {
        using var timer = new PeriodicTimer(interval, time ?? TimeProvider.System);
        try
        {
            do
            {
                try
                {
                    await work(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }
}
