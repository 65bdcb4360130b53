using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>Alert instances, attempts and silences for the alert contract tests.</summary>
internal static class SomeAlerts
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static AlertLabels Labels(string rule, params (string Name, string Value)[] labels) =>
        AlertLabels.From([new(AlertLabels.AlertName, rule), .. labels.Select(l => new KeyValuePair<string, string>(l.Name, l.Value))]);

    public static AlertInstance Instance(string rule, AlertState state, DateTimeOffset at, params (string Name, string Value)[] labels) => new()
    {
        RuleName = rule,
        Labels = Labels(rule, labels),
        State = state,
        ActiveSince = at,
        FiredAt = state == AlertState.Firing ? at : null,
        ResolvedAt = state == AlertState.Resolved ? at : null,
        LastEvaluated = at,
        Value = 42.5,
        Threshold = 10,
        Annotations = new Dictionary<string, string> { ["summary"] = $"{rule} is {state}" },
    };

    public static NotificationAttempt Attempt(DateTimeOffset at, params long[] alertIds) => new()
    {
        Channel = "ops-webhook",
        GroupKey = "{service=\"shop\"}",
        AlertIds = alertIds,
        Kind = NotificationKind.Firing,
        At = at,
        Outcome = NotificationOutcome.Delivered,
    };

    public static LabelMatcher Matcher(string text) =>
        LabelMatcher.TryParse(text, out var matcher, out var problem) ? matcher! : throw new ArgumentException(problem, nameof(text));

    public static Silence Silence(DateTimeOffset start, TimeSpan length, params string[] matchers) => new()
    {
        Matchers = [.. matchers.Select(Matcher)],
        StartsAt = start,
        EndsAt = start + length,
        CreatedBy = "ana",
        Comment = "deploy",
    };
}
