namespace Vigil.Server.Probes;

/// <summary>What the runner makes of attempts that fail, hang, or are cut short.</summary>
internal sealed partial class ProbeRunner
{
    /// <summary>
    /// Cancels an attempt the runner stops waiting for, and gives it a moment to clean up (kill its command). The
    /// linked token alone is not enough: disposing it before the stop signal reaches it would leave the attempt running.
    /// </summary>
    private static async Task AbandonAsync(CancellationTokenSource timeout, Task<ProbeAttempt>? running)
    {
        await timeout.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await ((Task)running).WaitAsync(s_reportGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The exception's message and its inner ones' ("SSL connection could not be established: ..." says why only inside).</summary>
    internal static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var message = e.Message.TrimEnd('.');
            if (message.Length > 0 && !parts.Contains(message))
            {
                parts.Add(message);
            }
        }

        return parts.Count == 0 ? exception.GetType().Name : string.Join(": ", parts);
    }
}
