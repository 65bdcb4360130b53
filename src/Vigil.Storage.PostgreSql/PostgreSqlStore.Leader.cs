namespace Vigil.Storage.PostgreSql;

/// <summary>
/// Leadership among the servers on this database (<see cref="ILeaderElection"/>). The election starts on the first
/// wait, so a store that never asks (the CLI, a read-only server) never holds a connection for it.
/// </summary>
internal sealed partial class PostgreSqlStore : ILeaderElection
{
    /// <summary>How often the leader checks its lock's connection, and how often followers try the lock.</summary>
    internal static readonly TimeSpan LeaderCheckInterval = TimeSpan.FromSeconds(1);

    private PostgreSqlLeaderElection? _leader;

    public bool IsLeader => _leader?.IsLeader ?? false;

    internal PostgreSqlLeaderElection Leader =>
        LazyInitializer.EnsureInitialized(ref _leader, () => new PostgreSqlLeaderElection(_dataSource, LeaderCheckInterval, LeaderCheckInterval));

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) => Leader.WaitForLeadershipAsync(cancellationToken);

    public Task<bool> ConfirmLeadershipAsync(CancellationToken cancellationToken) =>
        _leader is { } leader ? leader.ConfirmLeadershipAsync(cancellationToken) : Task.FromResult(false);

    /// <summary>The store's DisposeAsync: ends the election (releasing the lock on its connection), then closes the data source.</summary>
    private async ValueTask DisposeLeaderAndDataSourceAsync()
    {
        if (_leader is not null)
        {
            await _leader.DisposeAsync().ConfigureAwait(false);
        }

        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
