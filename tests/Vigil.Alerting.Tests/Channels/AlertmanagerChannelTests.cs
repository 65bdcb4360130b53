using System.Net;
using System.Text.Json;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Channels;
using Vigil.Alerting.Notifications.Channels.Alertmanager;
using Vigil.Alerting.Tests.Channels.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Channels;

/// <summary>The Alertmanager v2 client against a real prometheus-alertmanager, whose own API must show what was sent.</summary>
public sealed class AlertmanagerChannelTests
{
    [Fact]
    public async Task DeliverAsync_Firing_AlertmanagerShowsTheAlertWithMappedLabels()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var channel = new AlertmanagerChannel("am", new AlertmanagerChannelOptions { Url = alertmanager.Url, FiringEndsAfter = TimeSpan.FromHours(1) }, ChannelHttp.CreateClient());
        var now = DateTimeOffset.UtcNow;
        var alert = Some.Alert() with { ActiveSince = now.AddMinutes(-3), FiredAt = now.AddMinutes(-2) };

        await channel.DeliverAsync(Some.Notification(alert) with { At = now }, CancellationToken.None);

        var shown = Assert.Single(await AlertsAsync(alertmanager));
        var labels = shown.GetProperty("labels");
        Assert.Equal("HighErrors", labels.GetProperty("alertname").GetString());
        Assert.Equal("critical", labels.GetProperty("severity").GetString());
        Assert.Equal("shop", labels.GetProperty("service_name").GetString());
        Assert.Equal("active", shown.GetProperty("status").GetProperty("state").GetString());
        var annotations = shown.GetProperty("annotations");
        Assert.Equal("shop logs too many errors", annotations.GetProperty("summary").GetString());
        Assert.Equal("12", annotations.GetProperty("value").GetString());
        Assert.Equal("5", annotations.GetProperty("threshold").GetString());
        Assert.Equal("PaymentDeclinedException", annotations.GetProperty("error_type").GetString());
        Assert.Equal("http://127.0.0.1:4319/api/alerts/ack?token=abc.def", annotations.GetProperty("vigil_ack_url").GetString());
        Assert.Equal("http://127.0.0.1:4319/api/alerts/42", shown.GetProperty("generatorURL").GetString());
        Assert.Equal(alert.FiredAt!.Value.ToUnixTimeSeconds(), shown.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(now.AddHours(1).ToUnixTimeSeconds(), shown.GetProperty("endsAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task DeliverAsync_ResentThenResolved_OneAlertThatEnds()
    {
        await using var alertmanager = await AlertmanagerProcess.StartAsync();
        using var channel = new AlertmanagerChannel("am", new AlertmanagerChannelOptions { Url = alertmanager.Url }, ChannelHttp.CreateClient());
        var now = DateTimeOffset.UtcNow;
        var firing = Some.Alert() with { ActiveSince = now.AddMinutes(-3), FiredAt = now.AddMinutes(-2) };

        // The notifier re-sends while it fires: Alertmanager keeps one alert per label set.
        await channel.DeliverAsync(Some.Notification(firing) with { At = now }, CancellationToken.None);
        await channel.DeliverAsync(Some.Notification(firing) with { At = now.AddSeconds(1) }, CancellationToken.None);
        Assert.Single(await AlertsAsync(alertmanager));

        var resolved = firing with { State = AlertState.Resolved, ResolvedAt = now.AddSeconds(-1) };
        await channel.DeliverAsync(Some.Notification(resolved) with { At = now }, CancellationToken.None);

        // Alertmanager's API leaves out alerts whose endsAt has passed.
        Assert.Empty(await AlertsAsync(alertmanager));
    }

    [Fact]
    public async Task DeliverAsync_AlertmanagerRefuses_NotRetryableWithItsReason()
    {
        await using var receiver = await RecordingHttpServer.StartAsync();
        receiver.Answer(HttpStatusCode.BadRequest, "{\"code\":400,\"message\":\"invalid label set\"}");
        using var channel = new AlertmanagerChannel("am", new AlertmanagerChannelOptions { Url = receiver.Url("/prefix/"), BearerToken = "t0ken" }, ChannelHttp.CreateClient());

        var e = await Assert.ThrowsAsync<NotificationDeliveryException>(() => channel.DeliverAsync(Some.Notification(), CancellationToken.None));

        Assert.False(e.IsRetryable);
        Assert.Contains("invalid label set", e.Message, StringComparison.Ordinal);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("/prefix/api/v2/alerts", request.Path);
        Assert.Equal("Bearer t0ken", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var posted = Assert.Single(body.RootElement.EnumerateArray());

        // No endsAt for a firing alert unless FiringEndsAfter is set: Alertmanager's resolve_timeout applies.
        Assert.False(posted.TryGetProperty("endsAt", out _));
    }

    [Fact]
    public void MapAll_InvalidAndCollidingNames_MapsLikePrometheusAndKeepsBothValues()
    {
        var mapped = AlertmanagerLabelNames.MapAll([new("service.name", "shop"), new("service_name", "legacy"), new("1st", "a"), new("http.status-code", "500"), new("empty", "")]);

        // In the ordinal order of the original names: "service.name" sorts before "service_name".
        Assert.Equal("shop;legacy", mapped["service_name"]);
        Assert.Equal("a", mapped["_1st"]);
        Assert.Equal("500", mapped["http_status_code"]);
        Assert.False(mapped.ContainsKey("empty"));
        Assert.All(mapped.Keys, k => Assert.True(AlertmanagerLabelNames.IsValid(k), k));
    }

    [Fact]
    public void Validate_BadFields_NamesEach()
    {
        var problems = new AlertmanagerChannelOptions { Url = new Uri("http://am:9093/?x=1"), FiringEndsAfter = TimeSpan.FromDays(30), BearerToken = "a\nb" }.Validate("p");

        Assert.Contains(problems, p => p.Path == "p:Url" && p.Message.Contains("query", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "p:FiringEndsAfter");
        Assert.Contains(problems, p => p.Path == "p:BearerToken");
        Assert.Contains(new AlertmanagerChannelOptions { Url = new Uri("/relative", UriKind.Relative) }.Validate("p"), p => p.Path == "p:Url");
        Assert.Empty(new AlertmanagerChannelOptions { Url = new Uri("http://127.0.0.1:9093") }.Validate("p"));
    }

    private static async Task<List<JsonElement>> AlertsAsync(AlertmanagerProcess alertmanager)
    {
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(alertmanager.Url, "/api/v2/alerts")));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
