using Vigil.Alerting.Configuration;
using Vigil.Alerting.Notifications;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Support;

/// <summary>Alerts and settings for the notifier's tests.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero); // a Monday

    public static AlertInstance Firing(string rule, DateTimeOffset at, long id = 0, params (string Name, string Value)[] labels) => new()
    {
        Id = id,
        RuleName = rule,
        Labels = AlertLabels.From([new(AlertLabels.AlertName, rule), .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]),
        State = AlertState.Firing,
        ActiveSince = at,
        FiredAt = at,
        LastEvaluated = at,
        Value = 12,
        Threshold = 5,
        Annotations = new Dictionary<string, string> { ["summary"] = $"{rule} fires" },
    };

    public static AlertInstance Resolved(AlertInstance alert, DateTimeOffset at) =>
        alert with { State = AlertState.Resolved, ResolvedAt = at, LastEvaluated = at };

    public static AlertInstance Acknowledged(AlertInstance alert, DateTimeOffset at) =>
        alert with { Acknowledgement = new AlertAcknowledgement { By = "ana", At = at } };

    public static LabelMatcher Matcher(string text) =>
        LabelMatcher.TryParse(text, out var matcher, out var problem) ? matcher! : throw new ArgumentException(problem, nameof(text));

    public static NotificationChannelOptions Webhook(string name, string url = "http://127.0.0.1:9/hook") =>
        new() { Name = name, Kind = "webhook", Webhook = new WebhookChannelOptions { Url = new Uri(url) } };

    public static NotificationSettings Compile(AlertingSection section)
    {
        var settings = NotificationSettingsCompiler.Compile(section, "Alerts", out var problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        return settings!;
    }

    public static IReadOnlyList<string> Problems(AlertingSection section) =>
        [.. section.ValidateNotifications().Select(p => p.ToString())];
}
