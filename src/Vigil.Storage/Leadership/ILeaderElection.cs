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
}
