using Microsoft.Extensions.DependencyInjection;
using Vigil.Alerting;
using Vigil.Model;
using Vigil.Server.Configuration;
using Vigil.Server.Tests.Prometheus;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Alerting;

/// <summary>The notifier inside the real server: its configuration keys, its counter on /metrics, its links.</summary>
public sealed class NotificationServerTests
{
    [Fact]
    public async Task Publish_ConsoleChannel_CountsOnMetricsAsTheStoreRecords()
    {
        await using var server = await TestServer.StartAsync(options => options.Alerts.Route.GroupWait = TimeSpan.FromMilliseconds(1));
        var alert = (await server.Store.SaveAlertsAsync([new AlertInstance
        {
            RuleName = "HighErrors",
            Labels = AlertLabels.From([new(AlertLabels.AlertName, "HighErrors")]),
            State = AlertState.Firing,
            ActiveSince = DateTimeOffset.UtcNow,
            FiredAt = DateTimeOffset.UtcNow,
            LastEvaluated = DateTimeOffset.UtcNow,
        }]))[0];

        await server.App.Services.GetRequiredService<IAlertNotifier>().PublishAsync([alert]);

        using var client = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        var attempts = await Eventually.WaitForAsync(() => server.Store.QueryNotificationsAsync(new AlertHistoryQuery { AlertId = alert.Id }).Result is { Count: > 0 } found ? found : null, "the console delivery is recorded");
        var recorded = Assert.Single(attempts);
        Assert.Equal(("console", NotificationOutcome.Delivered), (recorded.Channel, recorded.Outcome));
        var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative)).DefaultTimeout();
        Assert.Contains("# TYPE vigil_alert_notifications_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("vigil_alert_notifications_total{channel=\"console\",outcome=\"delivered\"} 1\n", text, StringComparison.Ordinal);
        var (exitCode, output) = await Promtool.CheckMetricsAsync(text);
        Assert.True(exitCode == 0, $"promtool: {output}\n{text}");
    }

    [Fact]
    public void Parse_BadNotificationKeys_NamesEachWithItsPath()
    {
        const string json = """
            {
              "Alerts": {
                "Channels": [ { "Name": "ops", "Kind": "webhook", "Webhook": { "Url": "not a url" } }, { "Name": "x", "Kind": "pager" } ],
                "Route": { "GroupWait": "soon", "Channels": "nobody", "Routes": [ { "Matchers": "service~shop" } ] },
                "MuteWindows": [ { "Name": "nights", "Times": "22:00-06:00" } ],
                "Frobnicate": true
              }
            }
            """;

        var e = Assert.Throws<ServerConfigurationException>(() => ServerConfigurationLoader.Parse(json, "test.json"));

        var paths = e.Details.Select(p => p.Path).ToList();
        Assert.Contains("Alerts:Channels:0:Webhook:Url", paths);
        Assert.Contains("Alerts:Channels:1:Kind", paths);
        Assert.Contains("Alerts:Route:GroupWait", paths);
        Assert.Contains("Alerts:Route:Channels:0", paths);
        Assert.Contains("Alerts:Route:Routes:0:Matchers:0", paths);
        Assert.Contains("Alerts:MuteWindows:0:Times:0", paths);
        Assert.Contains("Alerts:Frobnicate", paths);
    }

    [Fact]
    public void Parse_GoodNotificationKeys_BindsThem()
    {
        const string json = """
            {
              "Alerts": {
                "Channels": [ { "Name": "ops", "Kind": "webhook", "Webhook": { "Url": "http://127.0.0.1:9000/hook", "Headers": { "Authorization": "Bearer t" } }, "MaxAttempts": 3 } ],
                "Route": { "GroupBy": [ "service" ], "GroupWait": "10s", "Routes": [ { "Matchers": [ "severity=critical" ], "Escalation": "page", "Continue": true } ] },
                "Escalations": [ { "Name": "page", "Levels": [ { "Channels": "ops" }, { "Channels": [ "ops" ], "Delay": "15m" } ], "Repeat": 2, "AcknowledgementTimeout": "1h" } ],
                "MuteWindows": [ { "Name": "weekends", "Days": "weekends", "TimeZone": "Europe/Paris" } ],
                "Inhibit": [ { "SourceMatchers": "alertname=ServiceDown", "TargetMatchers": "severity=warning", "Equal": "service" } ]
              }
            }
            """;

        var alerts = ServerConfigurationLoader.Parse(json, "test.json").Alerts;

        Assert.Equal(new Uri("http://127.0.0.1:9000/hook"), alerts.Channels[0].Webhook!.Url);
        Assert.Equal("Bearer t", alerts.Channels[0].Webhook!.Headers["Authorization"]);
        Assert.Equal(TimeSpan.FromSeconds(10), alerts.Route.GroupWait);
        Assert.Equal(["service"], alerts.Route.GroupBy!);
        Assert.Equal(TimeSpan.FromMinutes(15), alerts.Escalations[0].Levels[1].Delay);
        Assert.Equal(["ops"], alerts.Escalations[0].Levels[0].Channels);
        Assert.Equal(["weekends"], alerts.MuteWindows[0].Days);
        Assert.Equal(["service"], alerts.Inhibit[0].Equal);
        Assert.Empty(alerts.ValidateNotifications());
    }
}
