namespace Vigil.Cli.Commands.Demo;

/// <summary>Sends checkout requests to the demo shop at a steady rate until cancelled.</summary>
internal static class DemoWorkload
{
    /// <summary>
    /// Starts <paramref name="rate"/> requests a second until <paramref name="cancellationToken"/> fires,
    /// then waits for those in flight to finish; returns how many were started.
    /// </summary>
    public static async Task<int> RunAsync(DemoShop shop, int rate, CancellationToken cancellationToken)
    {
        // Requests overlap rather than queue, so a slow dependency does not lower the rate: like real traffic.
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
        var number = 0;
        try
        {
            do
            {
                number++;

                // Not cancelled with the loop: a request in flight (under a second) finishes, so stopping leaves no half-done traces.
                inFlight.Add(shop.HandleAsync(number, CancellationToken.None));

                // Finished requests are dropped as we go; a faulted one is kept so WhenAll reports it.
                inFlight.RemoveAll(task => task.IsCompleted && task.Exception is null);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The duration elapsed, or Ctrl-C / SIGTERM: stop starting requests.
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
        return number;
    }
}
