using System.Net;
using System.Text.Json;
using Vigil.Server.Hosting;
using Vigil.Server.Tests.Support;
using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Server.Tests.Usage;

/// <summary>
/// GET /api/status on a server whose store is a real PostgreSQL database: a 501 problem in the server's words (the
/// database's disk is the database server's to report), while the rest of the API keeps answering.
/// </summary>
public sealed class StatusOnPostgreSqlTests
{
    [Fact]
    public async Task Status_StoreIsPostgreSql_Answers501ProblemAndOtherEndpointsStillWork()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var store = database.Track(PostgreSqlTelemetryStore.Open(database.ConnectionString));
        var options = new VigilServerOptions { StorePath = "unused", GrpcPort = 0, OtlpHttpPort = 0, QueryPort = 0 };
        await using var app = VigilServerApplication.Create(options, store);
        await app.StartAsync().DefaultTimeout();
        using var query = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Port(VigilServerListener.Query)}"), Timeout = TaskTimeouts.Default };

        using var status = await query.GetAsync("/api/status").DefaultTimeout();
        using var problem = JsonDocument.Parse(await status.Content.ReadAsStringAsync().DefaultTimeout());
        using var logs = await query.GetAsync("/api/logs?since=1h").DefaultTimeout();

        Assert.Equal(HttpStatusCode.NotImplemented, status.StatusCode);
        Assert.Equal("application/problem+json", status.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("this server's store is a database", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, logs.StatusCode);
    }
}
