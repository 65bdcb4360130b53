namespace Vigil.Storage;

/// <summary>
/// Which of several servers on one store does the work that must happen once: evaluating alert rules and sending
/// notifications, running synthetic probes. An engine that several servers can share elects one of them (PostgreSQL:
/// a session advisory lock on a connection of its own); an engine one process owns always leads
/// (<see cref="AlwaysLeader"/>). Run leader-only work through <see cref="LeaderElectionExtensions.RunWhileLeadingAsync"/>.
/// </summary>
public interface ILeaderElection
{
    /// <summary>Whether this instance leads at this moment.</summary>
    bool IsLeader { get; }

    /// <summary>
    /// Waits until this instance leads (at once when it does), joining the election on the first call.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A token cancelled when this term of leadership ends (the lock's connection was lost, or the store closed).</returns>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Asks the store, not this instance's belief, whether this instance leads at this moment: the fence before an
    /// act that must happen once (a notification sent). <see cref="IsLeader"/> can lag the store by a check interval
    /// after a leader's connection was cut; this does not.
    /// </summary>
    /// <param name="cancellationToken">Cancels the question.</param>
    /// <returns>True when the store says this instance holds the leadership.</returns>
    /// <exception cref="Exception">The store could not be asked (it is away): the caller neither acts nor gives up.</exception>
    Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken);
}
