using System.Net;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;
using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Server.Tests.Hosting;

/// <summary>
/// The database goes away under a running server (a PostgreSQL restart with pg_ctl, on a cluster of this test's own
/// so no other test loses its database): ingest answers 503 with Retry-After, queries a problem document, the server
/// recovers by itself, and every record it acknowledged is in the database afterwards. The database's own table is
/// the second source for what was stored. Waits are bounded; none is a speed threshold.
/// </summary>
public sealed class PostgreSqlRestartTests : IDisposable
{
    private readonly PostgreSqlTestCluster _cluster = PostgreSqlTestCluster.StartPrivate();

    public void Dispose() => _cluster.Dispose();

    [Fact]
    public async Task Ingest_DatabaseRestartsWhileAClientSends_503WithRetryAfterThenRecoversAndLosesNothingAcknowledged()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync(_cluster);
        var store = database.Track(PostgreSqlTelemetryStore.Open(database.ConnectionString));
        var options = new VigilServerOptions { StorePath = "unused", GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 };
        await using var app = VigilServerApplication.Create(options, store);
        await app.StartAsync().DefaultTimeout();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.OtlpHttp)}"), Timeout = TaskTimeouts.Default };
        using var query = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.Query)}"), Timeout = TaskTimeouts.Default };

        var acknowledged = new List<string>();
        var retryLater = 0;
        var otherAnswers = new List<string>();
        using var stop = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var body = $"record {i}";
                using var response = await client.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log(body))));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    lock (acknowledged)
                    {
                        acknowledged.Add(body);
                    }
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                {
                    Interlocked.Increment(ref retryLater);
                }
                else
                {
                    lock (otherAnswers)
                    {
                        otherAnswers.Add(response.StatusCode.ToString());
                    }
                }

                await Task.Delay(20);
            }
        });

        await Eventually.TrueAsync(() => Count(acknowledged) >= 5, "records acknowledged before the restart");
        _cluster.StopServer();
        await Eventually.TrueAsync(() => Volatile.Read(ref retryLater) > 0, "ingest answers 503 with Retry-After while the database is away");
        using var away = await query.GetAsync("/api/logs?since=1h").DefaultTimeout();
        var problem = await away.Content.ReadAsStringAsync().DefaultTimeout();
        var acknowledgedBeforeStart = Count(acknowledged);
        _cluster.StartServer();
        await Eventually.TrueAsync(() => Count(acknowledged) >= acknowledgedBeforeStart + 5, "records acknowledged again after the restart, with no help");
        await stop.CancelAsync();
        await sender.WaitAsync(TaskTimeouts.Default);
        using var back = await query.GetAsync("/api/logs?since=1h").DefaultTimeout();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, away.StatusCode);
        Assert.Equal("application/problem+json", away.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(away.Headers.RetryAfter);
        Assert.Contains("Store unavailable", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(_cluster.Password, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Empty(otherAnswers);
        var stored = (await database.ColumnAsync<string>("SELECT body FROM logs")).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(acknowledged.Except(stored));
        Assert.True(acknowledged.Count >= acknowledgedBeforeStart + 5);
    }

    private static int Count(List<string> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }
}
