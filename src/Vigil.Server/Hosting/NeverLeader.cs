using Vigil.Storage;

namespace Vigil.Server.Hosting;

/// <summary>The election of a read-only instance: it never leads, so it never evaluates, notifies or probes.</summary>
internal sealed class NeverLeader : ILeaderElection
{
    private NeverLeader()
    {
    }

    public static NeverLeader Instance { get; } = new();

    public bool IsLeader => false;

    public Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith<CancellationToken>(
            static _ => throw new OperationCanceledException(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
}
