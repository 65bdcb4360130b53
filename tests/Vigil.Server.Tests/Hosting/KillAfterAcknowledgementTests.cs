using System.Collections.Concurrent;
using System.Net;
using Vigil.Server.Tests.Support;
using Vigil.Storage;
using Vigil.Storage.Sqlite;

namespace Vigil.Server.Tests.Hosting;

/// <summary>
/// Acknowledged means durable, checked item by item: <c>vigil serve</c> is SIGKILLed the moment an export is answered
/// 200, at different points, and the store it leaves holds every acknowledged request's logs, spans and points. A
/// request that was never answered may be stored or not, but never in part (<see cref="NumberedRequests.FindAsync"/>
/// counts each request's items: the count is 0 or all of them).
/// </summary>
public sealed class KillAfterAcknowledgementTests
{
    [Fact]
    public async Task ServeProcess_KilledTheMomentTheNthExportIsAcknowledged_EveryAcknowledgedItemSurvivesEachRestart()
    {
        // Arrange: one store file through every kill and restart.
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        var requests = new NumberedRequests(DateTimeOffset.UtcNow.AddMinutes(-10).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond)));
        var acknowledged = new List<int>();
        var next = 0;

        // Act: the kill comes after the 1st, the 4th (a metric), then the 3rd export (traces) of a run.
        foreach (var killAfter in new[] { 1, 4, 3 })
        {
            using var serve = await ServeProcess.StartAsync("--store", storePath);
            using var client = new HttpClient { BaseAddress = serve.OtlpHttp, Timeout = TaskTimeouts.Default };
            for (var sent = 1; sent <= killAfter; sent++)
            {
                var request = next++;
                using var response = await client.PostAsync(NumberedRequests.Path(request), OtlpHttp.Protobuf(requests.Request(request))).DefaultTimeout();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                acknowledged.Add(request);
            }

            serve.Process.Kill();
            await serve.Process.WaitForExitAsync().DefaultTimeout();
        }

        // Assert
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        var found = await requests.FindAsync(store, next);
        Assert.Equal(acknowledged, found.Keys.Order());
        Assert.All(found.Values, count => Assert.Equal(NumberedRequests.Items, count));
    }

    [Fact]
    public async Task ServeProcess_KilledMidStreamOfEightClients_EveryAcknowledgedRequestWholeAndNoRequestInPart()
    {
        // Arrange
        using var directory = new TempDirectory();
        var storePath = directory.Combine("vigil.db");
        var requests = new NumberedRequests(DateTimeOffset.UtcNow.AddMinutes(-10).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond)));
        using var serve = await ServeProcess.StartAsync("--store", storePath);
        using var client = new HttpClient { BaseAddress = serve.OtlpHttp, Timeout = TaskTimeouts.Default };
        var acknowledged = new ConcurrentBag<int>();
        var next = -1;
        var answered = 0;
        const int KillAt = 40;

        // Act: eight clients send back to back; the 40th acknowledgement kills the server with the others in flight.
        async Task SendUntilKilledAsync()
        {
            while (!serve.Process.HasExited)
            {
                var request = Interlocked.Increment(ref next);
                try
                {
                    using var response = await client.PostAsync(NumberedRequests.Path(request), OtlpHttp.Protobuf(requests.Request(request))).DefaultTimeout();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        continue;
                    }

                    acknowledged.Add(request);
                    if (Interlocked.Increment(ref answered) == KillAt)
                    {
                        serve.Process.Kill();
                    }
                }
                catch (HttpRequestException)
                {
                    // The server died under this request: it was never acknowledged.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(SendUntilKilledAsync))).DefaultTimeout();
        await serve.Process.WaitForExitAsync().DefaultTimeout();

        // Assert
        await using var store = SqliteTelemetryStore.Open(storePath, TelemetryStoreOptions.Reader);
        var found = await requests.FindAsync(store, next + 1);
        Assert.True(acknowledged.Count >= KillAt, $"only {acknowledged.Count} acknowledged");
        Assert.All(acknowledged, request => Assert.True(found.TryGetValue(request, out var count) && count == NumberedRequests.Items, $"acknowledged request {request} is not whole in the store"));
        Assert.All(found, pair => Assert.True(pair.Value == NumberedRequests.Items, $"request {pair.Key} is stored in part: {pair.Value} of {NumberedRequests.Items} items"));
    }
}
