using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vigil.Alerting.Rules;
using Vigil.Server.Hosting;
using Vigil.Storage;
using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Server.Tests.Hosting;

/// <summary>
/// Two real servers on one real PostgreSQL database: only the leader runs the rule engine, and when its lock's
/// connection is cut the other server's engine takes over. The database's pg_locks is the second source for who leads.
/// </summary>
public sealed class SharedDatabaseLeaderTests : IAsyncLifetime
{
    private readonly List<(VigilServerApplication App, ITelemetryStore Store)> _servers = [];
    private string? _database;

    public async Task InitializeAsync() => _database = await PostgreSqlTestCluster.Shared.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var (app, store) in _servers)
        {
            await app.DisposeAsync().AsTask().DefaultTimeout();
            await store.DisposeAsync();
        }

        await PostgreSqlTestCluster.Shared.DropDatabaseAsync(_database!);
    }

    [Fact]
    public async Task TwoServers_LeadersLockConnectionKilled_TheOtherServerEvaluatesTheRules()
    {
        var first = await StartAsync();
        var second = await StartAsync();
        await UntilAsync(() => Rules(first) + Rules(second) > 0);
        var (leader, follower) = Rules(first) > 0 ? (first, second) : (second, first);

        Assert.Equal(0, Rules(follower));
        Assert.True(Election(leader).IsLeader);
        Assert.False(Election(follower).IsLeader);
        var holder = Assert.Single(await LockHoldersAsync());

        await TerminateAsync(holder);

        await UntilAsync(() => Rules(follower) > 0 && Rules(leader) == 0);
        Assert.True(Election(follower).IsLeader);
        Assert.False(Election(leader).IsLeader);
        Assert.NotEqual(holder, Assert.Single(await LockHoldersAsync()));
    }

    private async Task<VigilServerApplication> StartAsync()
    {
        var store = PostgreSqlTelemetryStore.Open(PostgreSqlTestCluster.Shared.ConnectionString(_database!));
        var app = VigilServerApplication.Create(new VigilServerOptions { GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 }, store);
        _servers.Add((app, store));
        await app.StartAsync().DefaultTimeout();
        return app;
    }

    private static int Rules(VigilServerApplication app) => app.Services.GetRequiredService<AlertRuleEngine>().Rules.Count;

    private static ILeaderElection Election(VigilServerApplication app) => app.Services.GetRequiredService<ILeaderElection>();

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    /// <summary>The sessions holding the leader lock, by the database's own account.</summary>
    private async Task<int[]> LockHoldersAsync()
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand(
            "SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid " +
            "WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND a.pid <> pg_backend_pid() " +
            "AND ((l.classid::bigint << 32) | l.objid::bigint) = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = 0x5649474C_4C454144 });
        var holders = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add(reader.GetInt32(0));
        }

        return [.. holders];
    }

    private async Task TerminateAsync(int pid)
    {
        await using var connection = await OpenAdminAsync();
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    private async Task<NpgsqlConnection> OpenAdminAsync()
    {
        var connection = new NpgsqlConnection(PostgreSqlTestCluster.Shared.ConnectionString(_database!) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
