using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Server.Otlp.Proto.Common.V1;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Health;

/// <summary>
/// <c>/health/ready</c> reflects whether the store can commit, not only whether it answers a query: on a full disk it
/// fails, and it passes again once a commit succeeds.
/// </summary>
public sealed class ReadinessCommitTests
{
    [TinyDiskFact]
    public async Task GetReady_DiskFullAndCommitsFail_FailsThenPassesOnceACommitSucceeds()
    {
        // Arrange: the store on a real 4 MiB file system.
        await using var disk = await TinyDisk.TryMountAsync(megabytes: 4);
        Assert.NotNull(disk);

        // The disk guard off: this test is about commits that fail, which the guard would refuse before they reach the store.
        await using var server = await TestServer.StartAsync(o =>
        {
            o.StorePath = Path.Combine(disk.Path, "vigil.db");
            o.DiskGuard = new() { Enabled = false };
        });
        var otlp = server.CreateHttpClient();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        using var before = await query.GetAsync(new Uri("/health/ready", UriKind.Relative)).DefaultTimeout();

        // Act: a log larger than the free space cannot be committed. Random bytes, because the store compresses log
        // blocks: 9 MiB of them as base64 stay larger than the disk.
        var big = Some.Log();
        big.Body = new AnyValue { StringValue = Convert.ToBase64String(RandomNumberGenerator.GetBytes(9 * 1024 * 1024)) };
        using var failed = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(big))).DefaultTimeout();
        using var whileFull = await query.GetAsync(new Uri("/health/ready", UriKind.Relative)).DefaultTimeout();
        var output = await ReadOutputAsync(whileFull);
        await disk.GrowAsync(megabytes: 64);
        using var stored = await otlp.PostAsync("/v1/logs", OtlpHttp.Protobuf(Some.Logs(Some.Log("after")))).DefaultTimeout();
        using var after = await query.GetAsync(new Uri("/health/ready", UriKind.Relative)).DefaultTimeout();

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileFull.StatusCode);
        Assert.Equal("fail", output.Status);
        Assert.Contains("could not commit", output.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(disk.Path, output.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<(string? Status, string Output)> ReadOutputAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        var root = json.RootElement;
        return (root.GetProperty("status").GetString(), root.TryGetProperty("output", out var output) ? output.GetString() ?? string.Empty : string.Empty);
    }
}
