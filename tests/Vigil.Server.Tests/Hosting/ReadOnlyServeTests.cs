using System.Net;
using Grpc.Core;
using Vigil.Server.Hosting;
using Vigil.Server.Otlp.Proto.Collector.Logs.V1;
using Vigil.Server.Tests.Support;
using Vigil.Storage;

namespace Vigil.Server.Tests.Hosting;

/// <summary>
/// <c>vigil serve --read-only</c> (<see cref="VigilServerOptions.ReadOnly"/>): ingest is refused on every receiver
/// with a status that says why, nothing reaches the store, queries still answer, and the instance never leads.
/// The store's own contents are the second source for "nothing was written".
/// </summary>
public sealed class ReadOnlyServeTests
{
    [Fact]
    public async Task PostLogs_ReadOnly_403WithTheReasonAndNothingStored()
    {
        await using var server = await TestServer.StartAsync(o => o.ReadOnly = true);
        using var client = server.CreateHttpClient();

        using var response = await client.PostAsync("/v1/logs", OtlpHttp.Json("""{"resourceLogs":[]}""")).DefaultTimeout();
        var body = await response.Content.ReadAsStringAsync().DefaultTimeout();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("read-only", body, StringComparison.Ordinal);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task ExportLogsOverGrpc_ReadOnly_PermissionDeniedAndNothingStored()
    {
        await using var server = await TestServer.StartAsync(o => o.ReadOnly = true);
        var client = new LogsService.LogsServiceClient(server.CreateGrpcChannel());

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ExportAsync(Some.Logs(Some.Log("refused"))).ResponseAsync.DefaultTimeout());

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Empty(server.Store.Logs);
    }

    [Fact]
    public async Task Queries_ReadOnly_AnswerWhatTheStoreHolds()
    {
        await using var server = await TestServer.StartAsync(o => o.ReadOnly = true);
        await server.Store.WriteAsync(new Vigil.Model.TelemetryBatch { Logs = [new Vigil.Model.LogEntry { Body = "written by another instance", Timestamp = DateTimeOffset.UtcNow }] });
        using var query = server.CreateQueryClient();

        var logs = await query.GetStringAsync("/api/logs?since=1h").DefaultTimeout();
        using var health = await query.GetAsync("/health/live").DefaultTimeout();

        Assert.Contains("written by another instance", logs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_ReadOnly_NeverLeads()
    {
        await using var server = await TestServer.StartAsync(o => { o.ReadOnly = true; o.InstanceId = "query-1"; });
        using var query = server.CreateQueryClient();

        var metrics = await query.GetStringAsync("/metrics").DefaultTimeout();

        Assert.Contains("vigil_leader{instance=\"query-1\"} 0", metrics, StringComparison.Ordinal);
        Assert.False(Assert.IsAssignableFrom<ILeaderElection>(server.App.Services.GetService(typeof(ILeaderElection))).IsLeader);
    }

    [Fact]
    public async Task Metrics_OneServerOnAFile_LeadsWithItsInstanceId()
    {
        await using var server = await TestServer.StartAsync(o => o.InstanceId = "host-a:42");
        using var query = server.CreateQueryClient();

        var metrics = await query.GetStringAsync("/metrics").DefaultTimeout();

        Assert.Contains("# TYPE vigil_leader gauge", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_leader{instance=\"host-a:42\"} 1", metrics, StringComparison.Ordinal);
    }
}
