namespace Vigil.Alerting.Notifications;

/// <summary>The wait before a retry: the first delay doubled for each attempt already failed, or longer when the receiver asked.</summary>
internal static class RetryBackoff
{
    /// <summary>The longest wait between two attempts, whatever the doubling or the receiver says.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>The default first delay.</summary>
    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromSeconds(1);

    /// <param name="failedAttempts">How many attempts failed so far (1 after the first).</param>
    /// <param name="firstDelay">The wait after the first failure.</param>
    /// <param name="retryAfter">The receiver's <c>Retry-After</c>, if it gave one.</param>
    public static TimeSpan Delay(int failedAttempts, TimeSpan firstDelay, TimeSpan? retryAfter)
    {
        var doubled = firstDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var wait = TimeSpan.FromMilliseconds(Math.Min(doubled, MaxDelay.TotalMilliseconds));
        if (retryAfter is { } asked && asked > wait)
        {
            wait = asked;
        }

        return wait > MaxDelay ? MaxDelay : wait;
    }
}
