using System.Net;
using System.Text.Json;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Channels;
using Vigil.Alerting.Notifications.Channels.Slack;
using Vigil.Alerting.Tests.Channels.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Channels;

public sealed class SlackChannelTests
{
    [Fact]
    public async Task DeliverAsync_Firing_PostsTextAndBlocksWithValueEvidenceAndLinks()
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = receiver.Url("/services/T0/B0/secret"), Username = "vigil" }, ChannelHttp.CreateClient());

        await channel.DeliverAsync(Some.Notification(), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/services/T0/B0/secret", request.Path);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("FIRING: HighErrors, 1 firing", root.GetProperty("text").GetString());
        Assert.Equal("vigil", root.GetProperty("username").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Contains("FIRING: HighErrors", blocks[0].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
        var section = blocks[1].GetProperty("text").GetProperty("text").GetString()!;
        Assert.Contains("*shop logs too many errors* (firing)", section, StringComparison.Ordinal);
        Assert.Contains("value 12 (threshold 5)", section, StringComparison.Ordinal);
        Assert.Contains("PaymentDeclinedException: card declined", section, StringComparison.Ordinal);
        Assert.Contains("at Shop.Checkout.Pay()", section, StringComparison.Ordinal);
        Assert.Contains("payment declined for order 1002", section, StringComparison.Ordinal);

        // mrkdwn's three control characters are escaped, so a description cannot ping @channel or forge a link.
        Assert.Contains("&lt;for real&gt; &amp; rising", section, StringComparison.Ordinal);
        var links = blocks[2].GetProperty("elements")[0].GetProperty("text").GetString()!;
        Assert.Contains("<http://127.0.0.1:4319/api/alerts/42|Alert>", links, StringComparison.Ordinal);
        Assert.Contains("<http://127.0.0.1:4319/api/alerts/ack?token=abc.def|Acknowledge>", links, StringComparison.Ordinal);
        Assert.Contains("|Error group>", links, StringComparison.Ordinal);
        Assert.Contains("|Trace>", links, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_Resolved_SaysResolved()
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = receiver.Url("/hook") }, ChannelHttp.CreateClient());

        await channel.DeliverAsync(Some.Notification(Some.Alert(AlertState.Resolved)), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal("RESOLVED: HighErrors", json.RootElement.GetProperty("text").GetString());
        Assert.Contains("(resolved)", json.RootElement.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_ManyAlerts_StaysWithinSlackLimits()
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = receiver.Url("/hook") }, ChannelHttp.CreateClient());
        var alerts = Enumerable.Range(0, 60).Select(i => Some.Alert(service: "svc" + i + new string('x', 5000))).ToArray();

        await channel.DeliverAsync(Some.Notification(alerts), CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.True(blocks.Count <= 50, $"{blocks.Count} blocks");
        Assert.True(blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length <= 150);
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() == "section"), b => Assert.True(b.GetProperty("text").GetProperty("text").GetString()!.Length <= 3000));
        Assert.Contains("and 50 more alerts", blocks[^1].GetProperty("elements")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_TooManyRequests_IsRetryableAfterTheAskedWait()
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        receiver.Answer(HttpStatusCode.TooManyRequests, "rate_limited", retryAfter: "7");
        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = receiver.Url("/services/T0/B0/secret") }, ChannelHttp.CreateClient());

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.True(e.IsRetryable);
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Contains("HTTP 429", e.Message, StringComparison.Ordinal);
        Assert.Contains("rate_limited", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public async Task DeliverAsync_Refused_SaysWhetherARetryCanHelp(HttpStatusCode status, bool retryable)
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        receiver.Answer(status, "invalid_payload\nsecond line");
        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = receiver.Url("/services/T0/B0/secret") }, ChannelHttp.CreateClient());

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.Equal(retryable, e.IsRetryable);
        Assert.Null(e.RetryAfter);
        Assert.Contains($"HTTP {(int)status}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_NobodyListening_IsRetryable()
    {
        Uri url;
        await using (var receiver = await RecordingHttpServer.StartAsync())
        {
            url = receiver.Url("/hook");
        }

        using var channel = new SlackChannel("ops-slack", new SlackChannelOptions { Url = url }, ChannelHttp.CreateClient());

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.True(e.IsRetryable);
        Assert.Contains("could not connect", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadFields_NamesEach()
    {
        var options = new SlackChannelOptions { Url = new Uri("ftp://example.com/x"), Channel = new string('c', 81), Username = "a\nb" };

        var problems = options.Validate("Alerts:Channels:0:Slack");

        Assert.Contains(problems, p => p.Path == "Alerts:Channels:0:Slack:Url" && p.Message.Contains("http", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "Alerts:Channels:0:Slack:Channel");
        Assert.Contains(problems, p => p.Path == "Alerts:Channels:0:Slack:Username");
        Assert.Empty(new SlackChannelOptions { Url = new Uri("https://hooks.slack.com/services/T/B/X") }.Validate("x"));
        Assert.Contains(new SlackChannelOptions().Validate("x"), p => p.Path == "x:Url" && p.Message.StartsWith("required", StringComparison.Ordinal));
        Assert.Contains(new SlackChannelOptions { Url = new Uri("https://user:pw@hooks.example.com/x") }.Validate("x"), p => p.Path == "x:Url");
    }
}
