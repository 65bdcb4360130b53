namespace Vigil.Storage;

/// <summary>Running work only while this instance leads.</summary>
public static class LeaderElectionExtensions
{
    /// <summary>
    /// Runs <paramref name="lead"/> each time this instance becomes leader, with a token cancelled when the term ends
    /// or <paramref name="stoppingToken"/> is; after a lost term it waits to lead again. Returns when stopped.
    /// </summary>
    /// <param name="election">The election.</param>
    /// <param name="lead">The work; it should return promptly once its token is cancelled.</param>
    /// <param name="stoppingToken">Stops the loop (the host stopping).</param>
    /// <returns>A task that completes when <paramref name="stoppingToken"/> is cancelled and the work has returned.</returns>
    public static async Task RunWhileLeadingAsync(this ILeaderElection election, Func<CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(lead);
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken term;
            try
            {
                term = await election.WaitForLeadershipAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
            try
            {
                await lead(leading.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                // The term ended (or the host is stopping): wait to lead again, or leave.
            }

            if (!leading.IsCancellationRequested)
            {
                // The work returned by itself while still leading: nothing more to do in this term.
                await Task.Delay(Timeout.Infinite, leading.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }
}
