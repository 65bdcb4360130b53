using Grpc.Core;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp;
using Vigil.Server.Otlp.Grpc;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Otlp;

/// <summary>The one gzip reader both receivers use: bounded memory, and nothing but one complete gzip stream.</summary>
public sealed class OtlpGzipStreamTests
{
    private const int Limit = 1024 * 1024;

    [Fact]
    public void GrpcProvider_GzipBomb_StopsAtTheLimitWithoutInflatingTheRest()
    {
        var bomb = OtlpHttp.GzipBytes(new byte[64 * 1024 * 1024]);
        using var inflating = (OtlpGzipStream)new OtlpGrpcGzipProvider(Limit).CreateDecompressionStream(new MemoryStream(bomb));
        using var output = new MemoryStream();

        // What Grpc.AspNetCore does with the stream: copy it all into memory.
        var refused = Assert.Throws<RpcException>(() => inflating.CopyTo(output));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.True(output.Length <= Limit, $"{output.Length} bytes reached memory");
        Assert.True(inflating.BytesInflated <= Limit, $"{inflating.BytesInflated} bytes were handed out");
    }

    [Fact]
    public async Task Read_OneCompleteStream_ReturnsTheData()
    {
        var data = Enumerable.Range(0, 100_000).Select(i => (byte)(i % 251)).ToArray();

        var read = await InflateAsync(OtlpHttp.GzipBytes(data));

        Assert.Equal(data, read);
    }

    [Fact]
    public async Task Read_ExactlyTheLimit_Accepted()
    {
        var read = await InflateAsync(OtlpHttp.GzipBytes(new byte[Limit]));

        Assert.Equal(Limit, read.Length);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("second member")]
    [InlineData("cut short")]
    [InlineData("empty")]
    public async Task Read_NotOneCompleteStream_Malformed(string fault)
    {
        var gzip = OtlpHttp.GzipBytes("a valid OTLP body, say"u8.ToArray());
        byte[] body = fault switch
        {
            "garbage" => [.. gzip, .. "trailing garbage"u8],
            "second member" => [.. gzip, .. gzip],
            "cut short" => gzip[..^4],
            _ => [],
        };

        var refused = await Assert.ThrowsAsync<Refused>(() => InflateAsync(body));

        Assert.Equal(OtlpRefusalReason.Malformed, refused.Reason);
        Assert.Contains("not one complete gzip stream", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NotGzip_Malformed()
    {
        var refused = await Assert.ThrowsAsync<Refused>(() => InflateAsync("not gzip at all"u8.ToArray()));

        Assert.Equal(OtlpRefusalReason.Malformed, refused.Reason);
    }

    private static async Task<byte[]> InflateAsync(byte[] body)
    {
        await using var inflating = new OtlpGzipStream(new MemoryStream(body), Limit, (reason, message) => new Refused(reason, message));
        using var output = new MemoryStream();
        await inflating.CopyToAsync(output).DefaultTimeout();
        return output.ToArray();
    }

    private sealed class Refused(OtlpRefusalReason reason, string message) : Exception(message)
    {
        public OtlpRefusalReason Reason { get; } = reason;
    }
}
