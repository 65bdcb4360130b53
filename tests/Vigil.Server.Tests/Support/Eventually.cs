namespace Vigil.Server.Tests.Support;

/// <summary>Waits for a condition another thread makes true; bounded by the default timeout, not a tuned delay.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TaskTimeouts.Default);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}
