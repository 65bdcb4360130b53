using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Alerting.Notifications.Channels.Alertmanager;
using Vigil.Alerting.Notifications.Channels.Email;
using Vigil.Alerting.Notifications.Channels.Slack;
using Vigil.Alerting.Tests.Support;

namespace Vigil.Alerting.Tests.Notifications;

/// <summary>The notification keys' checks: every bad field is named by its key path, with what is allowed.</summary>
public sealed class NotificationSettingsCompilerTests
{
    [Fact]
    public void Registry_HasConsoleAndWebhook_OneKindPerName()
    {
        Assert.Contains("console", NotificationChannelKinds.All.Keys);
        Assert.Contains("webhook", NotificationChannelKinds.All.Keys);
        Assert.All(NotificationChannelKinds.All, pair => Assert.Equal(pair.Key, pair.Value.Name));
    }

    [Fact]
    public void Compile_Empty_UsesConsoleAndAlertmanagerDefaults()
    {
        var settings = Some.Compile(new AlertingSection());

        var channel = Assert.Single(settings.Channels);
        Assert.Equal(("console", "console"), (channel.Name, channel.Kind));
        Assert.Equal(["console"], settings.Route.Channels);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.Route.GroupWait);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.Route.GroupInterval);
        Assert.Equal(TimeSpan.FromHours(4), settings.Route.RepeatInterval);
        Assert.Equal(["alertname"], settings.Route.GroupBy);
    }

    [Fact]
    public void Compile_RootWithoutChannels_TakesEveryChannelNoEscalationLevelNames()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("team"));
        section.Channels.Add(Some.Webhook("pager"));
        var policy = new EscalationPolicyOptions { Name = "p" };
        var level = new EscalationLevelOptions();
        level.Channels.Add("pager");
        policy.Levels.Add(level);
        section.Escalations.Add(policy);

        Assert.Equal(["team"], Some.Compile(section).Route.Channels);
    }

    [Fact]
    public void Validate_BadChannels_NamesEachField()
    {
        var section = new AlertingSection();
        section.Channels.Add(new NotificationChannelOptions { Name = "a b", Kind = "pager" });
        section.Channels.Add(new NotificationChannelOptions { Name = "hook", Kind = "webhook" });
        section.Channels.Add(new NotificationChannelOptions { Name = "hook", Kind = "webhook", Webhook = new WebhookChannelOptions { Url = new Uri("ftp://example.org/") }, MaxAttempts = 0, Timeout = TimeSpan.FromHours(1) });
        section.Channels.Add(new NotificationChannelOptions { Name = "log", Kind = "console", Webhook = new WebhookChannelOptions() });
        section.Channels.Add(new NotificationChannelOptions { Name = new string('x', 65), Kind = "CONSOLE" });

        var problems = Some.Problems(section);

        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Name: 'a b' is not a channel name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Kind: 'pager' is not a channel kind: one of ", StringComparison.Ordinal) && p.Contains("console", StringComparison.Ordinal) && p.Contains("webhook", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:1:Webhook: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:2:Name: 'hook' names another channel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:2:Webhook:Url: 'ftp://example.org/' is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:2:MaxAttempts: 0 is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:2:Timeout: is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:3:Webhook: is only read for a channel of kind webhook", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:4:Name:", StringComparison.Ordinal));
        Assert.Equal(9, problems.Count);
    }

    [Fact]
    public void Validate_ConsoleAndWebhookWithOtherKindsSections_RefuseEachSection()
    {
        // A sub-section of another kind is a mistake the channel would silently ignore (a Slack URL on a console channel
        // sends nothing to Slack), so console and webhook refuse them as slack, email and alertmanager do.
        var section = new AlertingSection();
        section.Channels.Add(new NotificationChannelOptions
        {
            Name = "log",
            Kind = "console",
            Slack = new SlackChannelOptions(),
            Email = new EmailChannelOptions(),
            Alertmanager = new AlertmanagerChannelOptions(),
        });
        section.Channels.Add(new NotificationChannelOptions { Name = "hook", Kind = "webhook", Webhook = new WebhookChannelOptions { Url = new Uri("https://example.org/hook") }, Slack = new SlackChannelOptions() });

        var problems = Some.Problems(section);

        Assert.Contains("Alerts:Channels:0:Slack: is only read for a channel of kind slack, and this one is of kind console", problems);
        Assert.Contains("Alerts:Channels:0:Email: is only read for a channel of kind email, and this one is of kind console", problems);
        Assert.Contains("Alerts:Channels:0:Alertmanager: is only read for a channel of kind alertmanager, and this one is of kind console", problems);
        Assert.Contains("Alerts:Channels:1:Slack: is only read for a channel of kind slack, and this one is of kind webhook", problems);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Validate_HostileWebhookHeaders_AreRefused()
    {
        var webhook = new WebhookChannelOptions { Url = new Uri("https://user:secret@example.org/hook") };
        webhook.Headers["X-Ok"] = "fine";
        webhook.Headers["Bad Name"] = "x";
        webhook.Headers["X-Split"] = "a\r\nInjected: yes";
        webhook.Headers["Content-Length"] = "1";
        var section = new AlertingSection();
        section.Channels.Add(new NotificationChannelOptions { Name = "hook", Kind = "webhook", Webhook = webhook });

        var problems = Some.Problems(section);

        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Webhook:Url:", StringComparison.Ordinal) && p.Contains("without user:password", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Webhook:Headers:Bad Name: is not an HTTP header name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Webhook:Headers:X-Split: has a line break", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Channels:0:Webhook:Headers:Content-Length: is set by the webhook itself", StringComparison.Ordinal));
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Validate_BadRoutes_NamesEachField()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops"));
        section.Route.Matchers.Add("service=shop");
        section.Route.Continue = true;
        section.Route.GroupBy = ["service", "...", "9bad"];
        section.Route.RepeatInterval = TimeSpan.FromMinutes(1);
        var child = new NotificationRouteOptions { Escalation = "nope" };
        child.Matchers.Add("service=~\"(a\"");
        child.Channels.Add("missing");
        child.MuteWindows.Add("nights");
        section.Route.Routes.Add(child);

        var problems = Some.Problems(section);

        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Matchers: is not allowed on the root route", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Continue: is not allowed on the root route", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:GroupBy:2: '9bad' is not a label name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:GroupBy: mixes '...'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:RepeatInterval: is shorter than the group interval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Routes:0:Matchers:0:", StringComparison.Ordinal) && p.Contains("regular expression", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Routes:0:Channels:0: 'missing' is not a configured channel: one of ops", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Routes:0:Escalation: 'nope' is not an escalation policy: Alerts:Escalations declares none", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Route:Routes:0:MuteWindows:0: 'nights' is not a mute window", StringComparison.Ordinal));
        Assert.Equal(9, problems.Count);
    }

    [Fact]
    public void Validate_DeepRouteTree_IsRefused()
    {
        var section = new AlertingSection();
        var route = section.Route;
        for (var i = 0; i < 40; i++)
        {
            var child = new NotificationRouteOptions();
            child.Matchers.Add($"level={i}");
            route.Routes.Add(child);
            route = child;
        }

        Assert.Contains(Some.Problems(section), p => p.Contains("nests deeper than 16 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadEscalations_NamesEachField()
    {
        var section = new AlertingSection();
        section.Channels.Add(Some.Webhook("ops"));
        var empty = new EscalationPolicyOptions { Name = "empty", Repeat = -1 };
        var noDelay = new EscalationPolicyOptions { Name = "empty", Repeat = 1 };
        var first = new EscalationLevelOptions();
        first.Channels.Add("ops");
        var second = new EscalationLevelOptions();
        second.Channels.Add("ghost");
        noDelay.Levels.Add(first);
        noDelay.Levels.Add(second);
        var single = new EscalationPolicyOptions { Name = "single", Repeat = 3 };
        single.Levels.Add(new EscalationLevelOptions());
        section.Escalations.Add(empty);
        section.Escalations.Add(noDelay);
        section.Escalations.Add(single);

        var problems = Some.Problems(section);

        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:0:Levels: has 0 levels", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:0:Repeat: -1 is not allowed", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:1:Name: 'empty' names another escalation policy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:1:Levels:1:Channels:0: 'ghost' is not a configured channel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:1:Levels:1:Delay: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:1:RepeatDelay: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:2:Levels:0:Channels: is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Escalations:2:RepeatDelay: is missing", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    [Theory]
    [InlineData("Days", "funday", "Alerts:MuteWindows:0:Days:0: 'funday' is not allowed")]
    [InlineData("Days", "1", "Alerts:MuteWindows:0:Days:0: '1' is not allowed")]
    [InlineData("Days", "monday,tuesday", "Alerts:MuteWindows:0:Days:0:")]
    [InlineData("Times", "22:00-06:00", "Alerts:MuteWindows:0:Times:0: '22:00-06:00' is not allowed: a range HH:MM-HH:MM within one day")]
    [InlineData("Times", "25:00-26:00", "Alerts:MuteWindows:0:Times:0:")]
    [InlineData("Times", "9:00-17:00", "Alerts:MuteWindows:0:Times:0:")]
    [InlineData("TimeZone", "Mars/Olympus", "Alerts:MuteWindows:0:TimeZone: 'Mars/Olympus' is not a time zone")]
    public void Validate_BadMuteWindow_NamesTheField(string key, string value, string expected)
    {
        var window = new MuteWindowOptions { Name = "w" };
        switch (key)
        {
            case "Days":
                window.Days.Add(value);
                break;
            case "Times":
                window.Times.Add(value);
                break;
            default:
                window.TimeZone = value;
                break;
        }

        var section = new AlertingSection();
        section.MuteWindows.Add(window);

        Assert.StartsWith(expected, Assert.Single(Some.Problems(section)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadInhibitRules_NamesEachField()
    {
        var section = new AlertingSection();
        var rule = new InhibitRuleOptions();
        rule.TargetMatchers.Add("severity");
        rule.Equal.Add("not a label");
        section.Inhibit.Add(rule);

        var problems = Some.Problems(section);

        Assert.Contains(problems, p => p.StartsWith("Alerts:Inhibit:0:SourceMatchers: is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Inhibit:0:TargetMatchers:0: 'severity' is not a matcher", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Inhibit:0:Equal:0: 'not a label' is not a label name", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
