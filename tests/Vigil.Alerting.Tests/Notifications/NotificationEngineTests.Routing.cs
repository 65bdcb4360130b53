using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Tests.Support;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>Routing: the first matching child wins, <c>Continue</c> goes on, no match stays at the parent.</summary>
public sealed partial class NotificationEngineTests
{
    private static AlertingSection ThreeChannels()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("default"));
        section.Channels.Add(Some.Webhook("shop"));
        section.Channels.Add(Some.Webhook("critical"));
        section.Route.Channels.Add("default");
        var critical = new NotificationRouteOptions { Continue = true };
        critical.Matchers.Add("severity=critical");
        critical.Channels.Add("critical");
        var shop = new NotificationRouteOptions();
        shop.Matchers.Add("service=~\"shop|cart\"");
        shop.Channels.Add("shop");
        var shopAgain = new NotificationRouteOptions();
        shopAgain.Matchers.Add("service=shop");
        shopAgain.Channels.Add("default");
        section.Route.Routes.Add(critical);
        section.Route.Routes.Add(shop);
        section.Route.Routes.Add(shopAgain);
        return section;
    }

    [Theory]
    [InlineData("critical", "shop", "critical,shop")]
    [InlineData("warning", "shop", "shop")]
    [InlineData("warning", "cart", "shop")]
    [InlineData("critical", "billing", "critical")]
    [InlineData("warning", "billing", "default")]
    public void Turn_RoutingTree_FirstMatchAndContinue(string severity, string service, string channels)
    {
        var engine = Engine(ThreeChannels());
        engine.Receive([Some.Firing("A", Some.Start, 1, ("severity", severity), ("service", service))], Some.Start);

        var sent = Turn(engine, Some.Start + s_wait);
        Assert.Equal(channels, string.Join(",", sent.Select(s => s.Channel).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Turn_ChildRoute_InheritsGroupingAndOverridesTimers()
    {
        var section = ThreeChannels();
        section.Route.GroupBy = ["service"];
        section.Route.Routes[1].GroupWait = TimeSpan.FromSeconds(5);
        var engine = Engine(section);
        engine.Receive([Some.Firing("A", Some.Start, 1, ("service", "cart")), Some.Firing("B", Some.Start, 2, ("service", "billing"))], Some.Start);

        var early = Assert.Single(Turn(engine, Some.Start + TimeSpan.FromSeconds(5)));
        Assert.Equal("shop", early.Channel);
        Assert.Equal("0.1:{service=\"cart\"}", early.Notification.GroupKey);
        Assert.Equal("default", Assert.Single(Turn(engine, Some.Start + s_wait)).Channel);
    }

    [Fact]
    public void Compile_NoChannels_SendsEverythingToConsole()
    {
        var engine = Engine(new AlertingSection());
        engine.Receive([Some.Firing("A", Some.Start, 1)], Some.Start);

        Assert.Equal(NotificationSettings.ConsoleChannelName, Assert.Single(Turn(engine, Some.Start + s_wait)).Channel);
    }

    [Fact]
    public void Turn_NotificationCarriesEvidenceAndLinks()
    {
        var links = new NotificationLinks { Alert = new Uri("http://127.0.0.1:4320/api/alerts/7") };
        var engine = new Vigil.Alerting.Notifications.Engine.NotificationEngine(Some.Compile(OneWebhook()), (a, _) => a.Id == 7 ? links : NotificationLinks.None);
        var alert = Some.Firing("A", Some.Start, 7) with { Evidence = new AlertEvidence { LogLines = ["12:00 error shop: boom"], ErrorType = "InvalidOperationException" } };
        engine.Receive([alert], Some.Start);

        var notified = Assert.Single(Assert.Single(Turn(engine, Some.Start + s_wait)).Notification.Alerts);
        Assert.Same(links, notified.Links);
        Assert.Equal(["12:00 error shop: boom"], notified.Alert.Evidence.LogLines);
        Assert.Equal(12, notified.Alert.Value);
        Assert.Equal(5, notified.Alert.Threshold);
    }
}
