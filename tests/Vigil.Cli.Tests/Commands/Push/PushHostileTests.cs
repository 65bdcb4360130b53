using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Vigil.Cli.Remote;
using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Server.Otlp.Export;
using Google.Protobuf;

namespace Vigil.Cli.Tests.Commands.Push;

/// <summary>Bad arguments, a server that is down or wants another key, and hostile requests to the push endpoints.</summary>
public sealed class PushHostileTests : IDisposable
{
    private readonly TempStore _local = new();
    private readonly TempStore _remote = new();

    [Theory]
    [InlineData("ftp://127.0.0.1:4320", "is not an http:// or https:// URL")]
    [InlineData("not a url", "is not an http:// or https:// URL")]
    [InlineData("http://user:secret@127.0.0.1:4320", "without user, query or fragment")]
    [InlineData("http://127.0.0.1:4320/?key=1", "without user, query or fragment")]
    public async Task A_bad_server_url_is_a_usage_error_naming_it(string url, string expected)
    {
        await _local.CreateAsync();
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", url);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--server", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_server_value_is_refused_without_echoing_it_whole()
    {
        await _local.CreateAsync();
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", new string('x', 100_000));
        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Stderr.Length < 1_000, run.Stderr.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task No_server_is_a_usage_error_saying_how_to_name_one()
    {
        await _local.CreateAsync();
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--server: required", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("VIGIL_SERVER", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "must be greater than zero")]
    [InlineData("10001", "is more than 10000")]
    [InlineData("lots", "is not a whole number")]
    public async Task A_bad_batch_size_is_a_usage_error(string value, string expected)
    {
        await _local.CreateAsync();
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", "http://127.0.0.1:9", "--batch-size", value);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"--batch-size: '{value}' {expected}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_down_is_exit_code_2_naming_it()
    {
        await PushFixture.WriteAsync(_local);
        var url = $"http://127.0.0.1:{FreePort()}";
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", url);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot reach the Vigil server at " + url, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_api_key_is_exit_code_2_saying_which_option_sets_it_and_nothing_is_stored()
    {
        await PushFixture.WriteAsync(_local);
        await using var server = await ServedVigil.StartAsync(_remote.Path, apiKey: "right-key");
        var run = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", server.Url, "--api-key", "wrong-key");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--api-key or VIGIL_API_KEY", run.Stderr, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await PushFixture.CountAsync(_remote.Path));

        var right = await new CliHarness().RunAsync("push", "--store", _local.Path, "--server", server.Url, "--api-key", "right-key");
        Assert.True(right.ExitCode == 0, right.Stderr);
        Assert.Equal(await PushFixture.CountAsync(_local.Path), await PushFixture.CountAsync(_remote.Path));
    }

    [Fact]
    public async Task The_same_batch_sent_twice_is_stored_once_and_the_second_answer_says_where_the_stream_is()
    {
        await using var server = await ServedVigil.StartAsync(_remote.Path);
        await using var client = new HttpTelemetryStore(new Uri(server.Url + "/"), apiKey: null);
        var body = OtlpExportMapper.ToRequest([Some.Log("once", DateTimeOffset.UtcNow.AddMinutes(-1)), Some.Log("twice?", DateTimeOffset.UtcNow.AddMinutes(-1))]).ToByteArray();
        var mark = new PushMark("0123456789abcdef0123456789abcdef", "logs", 0, 2);

        var first = await client.PushAsync("logs", body, mark, CancellationToken.None);
        var second = await client.PushAsync("logs", body, mark, CancellationToken.None);

        Assert.Equal(2, first.Result!.Accepted);
        Assert.Null(second.Result);
        Assert.Equal(2, second.Position);
        Assert.Equal(2, (await PushFixture.CountAsync(_remote.Path)).Logs);
        Assert.Equal(2, (await client.ReadPushPositionsAsync(mark.Source, CancellationToken.None))["logs"]);
    }

    [Theory]
    [InlineData(null, "logs", "0", "1", "Vigil-Push-Source")]
    [InlineData("src", null, "0", "1", "Vigil-Push-Stream")]
    [InlineData("src", "logs", "-1", "1", "Vigil-Push-After")]
    [InlineData("src", "logs", "zero", "1", "Vigil-Push-After")]
    [InlineData("src", "logs", "5", "5", "after < through")]
    [InlineData("src", "logs", "0", "99999999999999999999999", "Vigil-Push-Through")]
    public async Task A_malformed_mark_is_refused_with_400_naming_the_header(string? source, string? stream, string after, string through, string expected)
    {
        await using var server = await ServedVigil.StartAsync(_remote.Path);
        using var http = new HttpClient();
        using var request = PushRequest(server.Url, [1, 2, 3], source, stream, after, through);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await PushFixture.CountAsync(_remote.Path));
    }

    [Fact]
    public async Task A_body_that_is_not_protobuf_or_too_long_a_source_is_refused_and_nothing_moves()
    {
        await using var server = await ServedVigil.StartAsync(_remote.Path);
        using var http = new HttpClient();
        using (var garbage = PushRequest(server.Url, [0xff, 0xff, 0xff, 0xff, 0x0f], "src", "logs", "0", "1"))
        using (var response = await http.SendAsync(garbage))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var json = PushRequest(server.Url, "{}"u8.ToArray(), "src", "logs", "0", "1"))
        {
            json.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.SendAsync(json);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        using (var longSource = PushRequest(server.Url, [], new string('s', 201), "logs", "0", "1"))
        using (var response = await http.SendAsync(longSource))
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var positions = await http.GetAsync(new Uri(server.Url + "/api/push/positions")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, positions.StatusCode);
        }

        await using var client = new HttpTelemetryStore(new Uri(server.Url + "/"), apiKey: null);
        Assert.Empty(await client.ReadPushPositionsAsync("src", CancellationToken.None));
    }

    private static HttpRequestMessage PushRequest(string server, byte[] body, string? source, string? stream, string after, string through)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server + "/api/push/logs")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        if (source is not null)
        {
            request.Headers.Add("Vigil-Push-Source", source);
        }

        if (stream is not null)
        {
            request.Headers.Add("Vigil-Push-Stream", stream);
        }

        request.Headers.Add("Vigil-Push-After", after);
        request.Headers.Add("Vigil-Push-Through", through);
        return request;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _local.Dispose();
        _remote.Dispose();
    }
}
