using System.Text;
using Vigil.Metrics;
using Vigil.Metrics.Influx;
using Vigil.Tests.Support;

namespace Vigil.Tests.Metrics.Influx;

/// <summary>Addresses, credentials, retries and refusals, against a real HTTP server that answers as told.</summary>
public sealed class InfluxWriteClientTests
{
    private static readonly InfluxWrite s_write = new(Encoding.UTF8.GetBytes("m value=1 1\n"), 1);

    [Fact]
    public async Task Send_V1_BasicAuthDatabaseRetentionPolicyAndNanoseconds()
    {
        await using var receiver = await LineProtocolReceiver.StartAsync();
        using var client = new InfluxWriteClient(new InfluxSinkOptions
        {
            Endpoint = receiver.Endpoint, ApiVersion = InfluxApiVersion.V1, Database = "my db", RetentionPolicy = "week", Username = "u", Password = "p:w",
        });

        client.Send(s_write, CancellationToken.None);

        var write = Assert.Single(receiver.Writes);
        Assert.Equal("/write", write.Path);
        Assert.Equal("?db=my%20db&precision=ns&rp=week", write.Query);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("u:p:w")), write.Authorization);
        Assert.Equal("m value=1 1\n", write.Body);
    }

    [Fact]
    public async Task Send_V2_TokenBucketAndOrganization()
    {
        await using var receiver = await LineProtocolReceiver.StartAsync();
        using var client = new InfluxWriteClient(new InfluxSinkOptions { Endpoint = receiver.Endpoint, Bucket = "metrics", Organization = "acme & co", Token = "t0k3n" });

        client.Send(s_write, CancellationToken.None);

        var write = Assert.Single(receiver.Writes);
        Assert.Equal("/api/v2/write", write.Path);
        Assert.Equal("?bucket=metrics&precision=ns&org=acme%20%26%20co", write.Query);
        Assert.Equal("Token t0k3n", write.Authorization);
    }

    [Fact]
    public async Task Send_OverloadedThenAccepted_RetriedUntilAccepted()
    {
        await using var receiver = await LineProtocolReceiver.StartAsync();
        receiver.Answer(503, retryAfter: "0");
        receiver.Answer(429, retryAfter: "0");
        receiver.Answer(500, retryAfter: "0");
        using var client = new InfluxWriteClient(new InfluxSinkOptions { Endpoint = receiver.Endpoint, Bucket = "b", MaxAttempts = 4 });

        client.Send(s_write, CancellationToken.None);

        Assert.Equal(4, receiver.Writes.Count);
        Assert.All(receiver.Writes, w => Assert.Equal("m value=1 1\n", w.Body));
    }

    [Fact]
    public async Task Send_OverloadedOnEveryAttempt_FailsAfterMaxAttempts()
    {
        await using var receiver = await LineProtocolReceiver.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            receiver.Answer(503, retryAfter: "0");
        }

        using var client = new InfluxWriteClient(new InfluxSinkOptions { Endpoint = receiver.Endpoint, Bucket = "b", MaxAttempts = 3 });

        var failure = Assert.Throws<InfluxWriteException>(() => client.Send(s_write, CancellationToken.None));

        Assert.Equal(3, receiver.Writes.Count);
        Assert.Contains("after 3 attempts: 503", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task Send_Refused_NotRetried_AnswerInTheError(int status)
    {
        await using var receiver = await LineProtocolReceiver.StartAsync();
        receiver.Answer(status);
        using var client = new InfluxWriteClient(new InfluxSinkOptions { Endpoint = receiver.Endpoint, Bucket = "b" });

        var failure = Assert.Throws<InfluxWriteException>(() => client.Send(s_write, CancellationToken.None));

        Assert.Single(receiver.Writes);
        Assert.Contains($"{status} {{\"error\":\"told to refuse\"}}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_NobodyListening_FailsAfterMaxAttempts()
    {
        using var client = new InfluxWriteClient(new InfluxSinkOptions { Endpoint = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}"), Bucket = "b", MaxAttempts = 2 });

        var failure = Assert.Throws<InfluxWriteException>(() => client.Send(s_write, CancellationToken.None));

        Assert.Contains("after 2 attempts: HttpRequestException", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 100, 200)]
    [InlineData(2, 200, 400)]
    [InlineData(3, 400, 800)]
    [InlineData(10, 2500, 5000)]
    public void Backoff_DoublesWithJitterUpToTheCeiling(int attempt, double lowMilliseconds, double highMilliseconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var delay = SinkHttp.Backoff(attempt, retryAfter: null).TotalMilliseconds;
            Assert.InRange(delay, lowMilliseconds, highMilliseconds);
        }
    }

    [Fact]
    public void Backoff_RetryAfter_HonouredUpToTheCeiling()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), SinkHttp.Backoff(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(SinkHttp.MaxDelay, SinkHttp.Backoff(1, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, SinkHttp.Backoff(1, TimeSpan.FromSeconds(-1)));
    }
}
