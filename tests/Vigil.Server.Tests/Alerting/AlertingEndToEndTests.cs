using Microsoft.Extensions.Logging;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Log;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Alerting;

/// <summary>
/// End to end on the real server: the real OpenTelemetry OTLP exporter sends an error burst from a "shop" service,
/// a log rule fires, the team's webhook receives one grouped notification with the evidence, the on-call webhook is
/// escalated to while nobody acknowledges, the signed link in the notification acknowledges and escalation stops,
/// and a resolved notice follows when the burst has left the rule's window.
/// </summary>
public sealed class AlertingEndToEndTests
{
    [Fact]
    public async Task ErrorBurst_NotifiesGroupedEscalatesUntilAcknowledgedThenResolves()
    {
        await using var team = await RecordingReceiver.StartAsync();
        await using var oncall = await RecordingReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(options => Configure(options.Alerts, team.Url, oncall.Url));

        // The burst: six errors through the OpenTelemetry SDK's own OTLP/HTTP exporter; disposing flushes them.
        using (var loggers = OtlpExporterLoggers.Create(server.HttpEndpoint, "shop"))
        {
            var logger = loggers.CreateLogger("Shop.Checkout");
            for (var i = 0; i < 6; i++)
            {
                logger.LogError(new InvalidOperationException("card declined"), "payment {Order} failed", 1000 + i);
            }
        }

        // One grouped notification to the team, with the value, the threshold and the matching lines.
        var firing = await Eventually.WaitForAsync(() => team.Payloads is { Count: > 0 } payloads ? payloads[0] : null, "the team's webhook got the firing notification");
        var root = firing.RootElement;
        Assert.Equal("firing", root.GetProperty("status").GetString());
        var alert = Assert.Single(root.GetProperty("alerts").EnumerateArray());
        Assert.Equal("ShopErrors", alert.GetProperty("labels").GetProperty("alertname").GetString());
        var vigil = alert.GetProperty("vigil");
        Assert.Equal(6, vigil.GetProperty("value").GetDouble());
        Assert.Equal(3, vigil.GetProperty("threshold").GetDouble());
        var lines = vigil.GetProperty("evidence").GetProperty("logLines");
        Assert.InRange(lines.GetArrayLength(), 1, 5);
        Assert.Contains("failed", lines[0].GetString(), StringComparison.Ordinal);

        // Nobody acknowledges: level 1, then level 2.
        await Eventually.TrueAsync(() => Levels(oncall).Contains(2), "escalation reached level 2");

        // The signed link from the notification acknowledges (By = "link").
        var link = new Uri(vigil.GetProperty("links").GetProperty("acknowledge").GetString()!);
        using var client = new HttpClient { Timeout = TaskTimeouts.Default };
        using (var acknowledged = await client.PostAsync(link, null).DefaultTimeout())
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, acknowledged.StatusCode);
        }

        var escalationsAtAck = Levels(oncall).Count;
        var id = vigil.GetProperty("id").GetInt64();
        Assert.Equal("link", (await server.Store.GetAlertAsync(id))!.Acknowledgement?.By);

        // The burst leaves the 60 s window: a resolved notice to the team (and to on-call, which escalation reached).
        var resolved = await Eventually.WaitForAsync(() => team.Payloads.FirstOrDefault(p => p.RootElement.GetProperty("status").GetString() == "resolved"), "the resolved notice");
        Assert.Equal("resolved", resolved.RootElement.GetProperty("alerts")[0].GetProperty("status").GetString());
        await Eventually.TrueAsync(() => oncall.Payloads.Any(p => p.RootElement.GetProperty("status").GetString() == "resolved"), "on-call got the resolved notice");

        // Unacknowledged, the policy would have told on-call twice every 3 s until the resolution, some thirty more
        // times; acknowledged (the notifier reads acknowledgements at every turn, before it escalates), at most the turn
        // under way when the link was followed and its queued delivery add one each. The window is a minute long so
        // that escalation reaches level 2 before the burst leaves it, however slowly a loaded machine runs the steps
        // (with 20 s, a loaded run could see the resolution first).
        Assert.InRange(Levels(oncall).Count - escalationsAtAck, 0, 2);
        Assert.Equal(2, team.Payloads.Count);

        // A receiver holds a payload before the notifier has recorded its attempt (the answer comes first), and a loaded
        // machine widens that gap: wait until the store has as many attempts as the receivers have payloads.
        var received = team.Payloads.Count + oncall.Payloads.Count;
        IReadOnlyList<NotificationAttempt> attempts = [];
        await Eventually.TrueAsync(
            async () => (attempts = await server.Store.QueryNotificationsAsync(new AlertHistoryQuery { AlertId = id })).Count >= received,
            "every delivery recorded as an attempt");
        Assert.All(attempts, a => Assert.Equal(NotificationOutcome.Delivered, a.Outcome));
        Assert.Equal(team.Payloads.Count + oncall.Payloads.Count, attempts.Count);
    }

    private static List<int> Levels(RecordingReceiver receiver) =>
    [
        .. receiver.Payloads
            .Select(p => p.RootElement.GetProperty("vigil"))
            .Where(v => v.TryGetProperty("escalationLevel", out _))
            .Select(v => v.GetProperty("escalationLevel").GetInt32()),
    ];

    private static void Configure(Vigil.Alerting.Configuration.AlertingSection alerts, Uri team, Uri oncall)
    {
        alerts.DefaultRules = false;
        alerts.Rules.Add(new AlertRuleOptions
        {
            Name = "ShopErrors",
            Kind = "log",
            Interval = "1s",
            Severity = "high",
            Log = new LogRuleOptions { Service = "shop", Level = "error", Window = "60s", Threshold = 3 },
        });
        alerts.Channels.Add(new NotificationChannelOptions { Name = "team", Kind = "webhook", Webhook = new WebhookChannelOptions { Url = team } });
        alerts.Channels.Add(new NotificationChannelOptions { Name = "oncall", Kind = "webhook", Webhook = new WebhookChannelOptions { Url = oncall } });
        alerts.Route.Channels.Add("team");
        alerts.Route.Escalation = "page";
        alerts.Route.GroupWait = TimeSpan.FromSeconds(1);
        alerts.Route.GroupInterval = TimeSpan.FromSeconds(1);
        alerts.Route.RepeatInterval = TimeSpan.FromHours(1);
        var policy = new EscalationPolicyOptions { Name = "page", Repeat = 50, RepeatDelay = TimeSpan.FromSeconds(2) };
        var first = new EscalationLevelOptions { Delay = TimeSpan.FromSeconds(1) };
        first.Channels.Add("oncall");
        var second = new EscalationLevelOptions { Delay = TimeSpan.FromSeconds(1) };
        second.Channels.Add("oncall");
        policy.Levels.Add(first);
        policy.Levels.Add(second);
        alerts.Escalations.Add(policy);
    }
}
