using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>The webhook channel against a real receiver on 127.0.0.1: the Alertmanager v4 payload, and how refusals read.</summary>
public sealed class WebhookChannelTests
{
    private static Notification Notification(params AlertInstance[] alerts) => new()
    {
        Receiver = "ops",
        GroupKey = "0:{service=\"shop\"}",
        GroupLabels = AlertLabels.From([new("service", "shop")]),
        Kind = NotificationKind.Firing,
        Alerts = [.. alerts.Select(a => new NotifiedAlert(a, new NotificationLinks
        {
            Alert = new Uri($"http://127.0.0.1:4320/api/alerts/{a.Id}"),
            Acknowledge = new Uri($"http://127.0.0.1:4320/api/alerts/{a.Id}/ack-link?expires=1&signature=x"),
            ErrorGroup = new Uri("http://127.0.0.1:4320/api/errors/5"),
        }))],
        ExternalUrl = new Uri("http://127.0.0.1:4320/"),
        At = Some.Start,
    };

    [Fact]
    public async Task DeliverAsync_MetricAlert_CarriesWhatWasMeasuredAsDetail()
    {
        // Arrange: a metric or absence rule has no log lines or error group; its evidence is one line of detail.
        await using var receiver = await RecordingReceiver.StartAsync();
        using var channel = new WebhookChannel("ops", new WebhookChannelOptions { Url = receiver.Url });
        var firing = Some.Firing("SlowCheckout", Some.Start, 7, ("service", "shop")) with
        {
            Evidence = new AlertEvidence { Detail = "p95(http.server.request.duration{service=shop}) = 0.84" },
        };
        var plain = Some.Firing("Other", Some.Start, 8, ("service", "shop"));

        // Act
        await channel.DeliverAsync(Notification(firing, plain), CancellationToken.None);

        // Assert: present where there is one, left out where there is none (absent values are not written as null).
        var alerts = Assert.Single(receiver.Payloads).RootElement.GetProperty("alerts");
        var evidence = alerts[0].GetProperty("vigil").GetProperty("evidence");
        Assert.Equal("p95(http.server.request.duration{service=shop}) = 0.84", evidence.GetProperty("detail").GetString());
        Assert.False(alerts[1].GetProperty("vigil").GetProperty("evidence").TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task DeliverAsync_Firing_PostsAlertmanagerV4PayloadWithVigilFields()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        var options = new WebhookChannelOptions { Url = receiver.Url };
        options.Headers["Authorization"] = "Bearer t0ken";
        using var channel = new WebhookChannel("ops", options);
        var firing = Some.Firing("HighErrors", Some.Start, 7, ("service", "shop"), ("severity", "high")) with
        {
            Evidence = new AlertEvidence { LogLines = ["12:00:01 error shop: payment failed"], ErrorGroupId = 5, ErrorType = "InvalidOperationException", ErrorMessage = "card declined", Culprit = "Shop.Pay()" },
        };
        var resolved = Some.Resolved(Some.Firing("HighErrors", Some.Start, 8, ("service", "shop"), ("severity", "low")), Some.Start + TimeSpan.FromMinutes(1));

        var notification = Notification(firing, resolved);
        await channel.DeliverAsync(notification, CancellationToken.None);

        var root = Assert.Single(receiver.Payloads).RootElement;
        Assert.Equal("Bearer t0ken", receiver.Headers[0]["Authorization"]);
        Assert.Matches("^[0-9a-f]{32}$", notification.Key);
        Assert.Equal($"\"{notification.Key}\"", receiver.Headers[0]["Idempotency-Key"]);
        Assert.Equal(notification.Key, root.GetProperty("vigil").GetProperty("key").GetString());
        Assert.Equal("4", root.GetProperty("version").GetString());
        Assert.Equal("0:{service=\"shop\"}", root.GetProperty("groupKey").GetString());
        Assert.Equal("firing", root.GetProperty("status").GetString());
        Assert.Equal("ops", root.GetProperty("receiver").GetString());
        Assert.Equal("shop", root.GetProperty("groupLabels").GetProperty("service").GetString());
        Assert.Equal("""{"alertname":"HighErrors","service":"shop"}""", root.GetProperty("commonLabels").GetRawText());
        Assert.Equal("HighErrors fires", root.GetProperty("commonAnnotations").GetProperty("summary").GetString());
        Assert.Equal("http://127.0.0.1:4320/", root.GetProperty("externalURL").GetString());
        Assert.Equal(0, root.GetProperty("truncatedAlerts").GetInt32());

        var alerts = root.GetProperty("alerts");
        Assert.Equal(2, alerts.GetArrayLength());
        var first = alerts[0];
        Assert.Equal("firing", first.GetProperty("status").GetString());
        Assert.Equal("high", first.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("2026-03-02T12:00:00.000Z", first.GetProperty("startsAt").GetString());
        Assert.Equal("0001-01-01T00:00:00Z", first.GetProperty("endsAt").GetString());
        Assert.Equal("http://127.0.0.1:4320/api/alerts/7", first.GetProperty("generatorURL").GetString());
        Assert.Matches("^[0-9a-f]{16}$", first.GetProperty("fingerprint").GetString());
        var vigil = first.GetProperty("vigil");
        Assert.Equal(7, vigil.GetProperty("id").GetInt64());
        Assert.Equal(12, vigil.GetProperty("value").GetDouble());
        Assert.Equal(5, vigil.GetProperty("threshold").GetDouble());
        Assert.Equal("payment failed", vigil.GetProperty("evidence").GetProperty("logLines")[0].GetString()![^14..]);
        Assert.Equal("Shop.Pay()", vigil.GetProperty("evidence").GetProperty("culprit").GetString());
        Assert.Equal(5, vigil.GetProperty("evidence").GetProperty("errorGroupId").GetInt64());
        Assert.EndsWith("/api/alerts/7/ack-link?expires=1&signature=x", vigil.GetProperty("links").GetProperty("acknowledge").GetString(), StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:4320/api/errors/5", vigil.GetProperty("links").GetProperty("errorGroup").GetString());
        Assert.Equal("resolved", alerts[1].GetProperty("status").GetString());
        Assert.Equal("2026-03-02T12:01:00.000Z", alerts[1].GetProperty("endsAt").GetString());
        Assert.Equal("firing", root.GetProperty("vigil").GetProperty("kind").GetString());
    }

    [Fact]
    public void Fingerprint_IsAlertmanagersFnv64a()
    {
        // Computed independently: FNV-1a 64 over "alertname\xffA\xff" (Alertmanager's model.LabelsToSignature).
        ulong hash = 14695981039346656037;
        byte[] bytes = [.. "alertname"u8.ToArray(), 0xFF, .. "A"u8.ToArray(), 0xFF];
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211;
        }

        Assert.Equal(hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), AlertFingerprint.Of(AlertLabels.From([new("alertname", "A")])));
    }

    [Fact]
    public async Task DeliverAsync_MaxAlerts_TruncatesAndSaysHowMany()
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        using var channel = new WebhookChannel("ops", new WebhookChannelOptions { Url = receiver.Url, MaxAlerts = 1 });

        await channel.DeliverAsync(Notification(Some.Firing("A", Some.Start, 1), Some.Firing("B", Some.Start, 2)), CancellationToken.None);

        var root = Assert.Single(receiver.Payloads).RootElement;
        Assert.Equal(1, root.GetProperty("alerts").GetArrayLength());
        Assert.Equal(1, root.GetProperty("truncatedAlerts").GetInt32());
    }

    [Theory]
    [InlineData(500, null, true, null)]
    [InlineData(503, "7", true, 7)]
    [InlineData(429, "2", true, 2)]
    [InlineData(400, null, false, null)]
    [InlineData(404, null, false, null)]
    public async Task DeliverAsync_Refused_SaysWhetherToRetryAndWhen(int status, string? retryAfter, bool retryable, int? waitSeconds)
    {
        await using var receiver = await RecordingReceiver.StartAsync();
        receiver.Answer(status, retryAfter);
        using var channel = new WebhookChannel("ops", new WebhookChannelOptions { Url = receiver.Url });

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Notification(Some.Firing("A", Some.Start, 1)), CancellationToken.None));

        Assert.StartsWith($"the receiver answered {status}", e.Message, StringComparison.Ordinal);
        Assert.Equal(retryable, e.IsRetryable);
        Assert.Equal(waitSeconds is { } s ? TimeSpan.FromSeconds(s) : null, e.RetryAfter);
    }

    [Fact]
    public async Task DeliverAsync_NothingListening_IsRetryableWithTheAddress()
    {
        using var channel = new WebhookChannel("ops", new WebhookChannelOptions { Url = DeadAddress() });

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Notification(Some.Firing("A", Some.Start, 1)), CancellationToken.None));

        Assert.True(e.IsRetryable);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    internal static Uri DeadAddress()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        var port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return new Uri($"http://127.0.0.1:{port}/hook");
    }
}
