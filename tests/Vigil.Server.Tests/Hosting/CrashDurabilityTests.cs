using System.Net;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Hosting;

/// <summary>Acknowledged means durable: <c>vigil serve</c> killed outright right after answering loses nothing.</summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task ServeProcess_KilledRightAfterAcknowledging_NothingAcknowledgedIsLost()
    {
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        using var serve = await ServeProcess.StartAsync("--store", storePath);
        var process = serve.Process;
        using var client = new HttpClient { BaseAddress = serve.OtlpHttp, Timeout = TaskTimeouts.Default };

        // Act: twenty acknowledged requests in parallel, then SIGKILL with no chance to flush.
        var sends = Enumerable.Range(0, 20).Select(i => client.PostAsync("/v1/traces", OtlpHttp.Protobuf(Some.Traces(Some.Span($"acknowledged {i}", (byte)(i + 1)))))).ToList();
        var responses = await Task.WhenAll(sends).DefaultTimeout();
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().DefaultTimeout();

        // Assert
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        for (var i = 0; i < 20; i++)
        {
            var traceId = Convert.ToHexStringLower(Some.TraceId((byte)(i + 1)).ToByteArray());
            var span = Assert.Single(await store.GetTraceAsync(traceId).DefaultTimeout());
            Assert.Equal($"acknowledged {i}", span.Name);
        }
    }
}
