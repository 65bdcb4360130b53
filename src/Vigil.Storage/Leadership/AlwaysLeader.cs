namespace Vigil.Storage;

/// <summary>The election of a store that has one owner (a SQLite file under one server): this instance always leads.</summary>
public sealed class AlwaysLeader : ILeaderElection
{
    private AlwaysLeader()
    {
    }

    /// <summary>The one instance.</summary>
    public static AlwaysLeader Instance { get; } = new();

    /// <inheritdoc />
    public bool IsLeader => true;

    /// <inheritdoc />
    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? Task.FromCanceled<CancellationToken>(cancellationToken) : Task.FromResult(CancellationToken.None);

    /// <inheritdoc />
    public Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}
