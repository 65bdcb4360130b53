namespace Vigil.Testing;

/// <summary>
/// Waits for something another thread or process does. Bounded by a generous timeout that only a
/// hang reaches, so it fails the test instead of the run; it never asserts how long anything took.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for the slowest shared build machine; only a hang reaches it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await WaitForAsync(() => condition() ? string.Empty : null, what, timeout).ConfigureAwait(false);
    }

    /// <summary>Returns once the asynchronous <paramref name="condition"/> (a store query) holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await PollAsync(async () => await condition().ConfigureAwait(false) ? string.Empty : null, what, timeout).ConfigureAwait(false);
    }

    /// <summary>Returns the first non-null value <paramref name="probe"/> gives; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after the timeout.</summary>
    public static Task<T> WaitForAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        return PollAsync(() => Task.FromResult(probe()), what, timeout);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe().ConfigureAwait(false) is { } value)
            {
                return value;
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(s_poll, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
