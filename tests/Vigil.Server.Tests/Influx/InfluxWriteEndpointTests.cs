using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Model;
using Vigil.Server.Tests.Sentry;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Influx;

/// <summary>The InfluxDB write endpoints on a real server: points in, read back from the store; hostile writes refused.</summary>
public sealed class InfluxWriteEndpointTests
{
    [Theory]
    [InlineData("/api/v2/write?org=acme&bucket=shop&precision=s")]
    [InlineData("/write?db=shop&precision=s")]
    public async Task Write_Lines_204AndStoredAsGaugePoints(string path)
    {
        await using var server = await TestServer.StartAsync();
        const string body = "cpu,host=web\\ 1,service.name=shop usage_idle=91.5,cores=4i,up=t 1795003200\nqueue\\,depth value=7u 1795003201\n";

        using var response = await server.CreateHttpClient().PostAsync(path, Text(body)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var points = server.Store.Points;
        Assert.Equal(4, points.Count);
        var idle = Assert.Single(points, p => p.Series.Name == "cpu_usage_idle");
        Assert.Equal(91.5, idle.Value);
        Assert.Equal(MetricKind.Gauge, idle.Series.Kind);
        Assert.Equal("shop", idle.Series.Resource.ServiceName);
        Assert.Equal([new("host", "web 1")], idle.Series.Attributes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795003200), idle.Timestamp);
        Assert.Equal(4, Assert.Single(points, p => p.Series.Name == "cpu_cores").Value);
        Assert.Equal(1, Assert.Single(points, p => p.Series.Name == "cpu_up").Value);
        var depth = Assert.Single(points, p => p.Series.Name == "queue,depth");
        Assert.Equal(7, depth.Value);
        Assert.Equal("influx", depth.Series.Resource.ServiceName);

        // The second source: what the query API serves for the series.
        var latest = await server.Store.ListMetricsAsync().DefaultTimeout();
        Assert.Contains(latest, m => m.Name == "cpu_usage_idle");
    }

    [Fact]
    public async Task Write_Gzip_Accepted()
    {
        await using var server = await TestServer.StartAsync();
        var content = new ByteArrayContent(SentryEnvelopes.Compress(Encoding.UTF8.GetBytes("m value=1\n"), "gzip"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await server.CreateHttpClient().PostAsync("/api/v2/write?bucket=b", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(server.Store.Points);
    }

    [Theory]
    [InlineData("/api/v2/write", "{\"code\":\"invalid\",\"message\":\"unable to parse: line 2: ")]
    [InlineData("/write", "{\"error\":\"unable to parse: line 2: ")]
    public async Task Write_OneMalformedLine_400NamingItAndNothingStored(string path, string answer)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().PostAsync(path, Text("good value=1\nbad value=NaN\n")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(answer, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(server.Store.Points);
    }

    [Fact]
    public async Task Write_StringField_NumericFieldsStoredAnswerSaysPartialWrite()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().PostAsync("/api/v2/write", Text("event level=3i,msg=\"disk full\"")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("partial write: 1 of 2 fields not stored", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("event_level", Assert.Single(server.Store.Points).Series.Name);
    }

    [Theory]
    [InlineData("/api/v2/write?precision=h")]
    [InlineData("/write?precision=fortnight")]
    public async Task Write_UnknownPrecision_400(string path)
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().PostAsync(path, Text("m value=1 1")).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("precision", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NotUtf8_400()
    {
        await using var server = await TestServer.StartAsync();

        using var response = await server.CreateHttpClient().PostAsync("/api/v2/write", new ByteArrayContent([.. "m,t="u8, 0xFF, .. " value=1"u8])).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_GzipBombPastTheBodyLimit_413()
    {
        await using var server = await TestServer.StartAsync(o => o.MaxRequestBodyBytes = 1_000_000);
        var content = new ByteArrayContent(SentryEnvelopes.Compress(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("m value=1\n", 200_000))), "gzip"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await server.CreateHttpClient().PostAsync("/api/v2/write", content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(server.Store.Points);
    }

    [Theory]
    [InlineData("Token", null, HttpStatusCode.NoContent)]
    [InlineData("Bearer", null, HttpStatusCode.NoContent)]
    [InlineData("Basic", null, HttpStatusCode.NoContent)]
    [InlineData(null, "?u=me&p=s3cret", HttpStatusCode.NoContent)]
    [InlineData("Token", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    public async Task Write_WithApiKey_AcceptedOnlyWithIt(string? scheme, string? query, HttpStatusCode expected)
    {
        await using var server = await TestServer.StartAsync(o => o.ApiKey = "s3cret");
        var key = query == "wrong" ? "wrong" : "s3cret";
        var request = new HttpRequestMessage(HttpMethod.Post, "/write" + (query == "wrong" ? string.Empty : query)) { Content = Text("m value=1") };
        if (scheme is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, scheme == "Basic" ? Convert.ToBase64String(Encoding.UTF8.GetBytes("me:" + key)) : key);
        }

        using var response = await server.CreateHttpClient().SendAsync(request).DefaultTimeout();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent ? 1 : 0, server.Store.Points.Count);
    }

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "text/plain");
}
