using Vigil.Alerting.Notifications;
using Vigil.Model;

namespace Vigil.Alerting.Tests.Channels.Support;

/// <summary>Notifications as the notifier makes them, with evidence and links, for the channels' tests.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 6, 30, 0, TimeSpan.Zero);

    public static AlertInstance Alert(AlertState state = AlertState.Firing, string service = "shop", double? value = 12, double? threshold = 5) => new()
    {
        Id = 42,
        RuleName = "HighErrors",
        Labels = AlertLabels.From([new("alertname", "HighErrors"), new("severity", "critical"), new("service.name", service)]),
        Annotations = new Dictionary<string, string>
        {
            ["summary"] = $"{service} logs too many errors",
            ["description"] = "More than 5 errors a minute <for real> & rising",
        },
        State = state,
        ActiveSince = Now.AddMinutes(-3),
        FiredAt = Now.AddMinutes(-2),
        ResolvedAt = state == AlertState.Resolved ? Now.AddSeconds(-10) : null,
        LastEvaluated = Now,
        Value = value,
        Threshold = threshold,
        Evidence = new AlertEvidence
        {
            LogLines = ["06:29:58 ERROR shop payment declined for order 1001", "06:29:59 ERROR shop payment declined for order 1002"],
            ErrorGroupId = 7,
            ErrorType = "PaymentDeclinedException",
            ErrorMessage = "card declined",
            Culprit = "Shop.Checkout.Pay()",
            TraceId = "0af7651916cd43dd8448eb211c80319c",
        },
    };

    public static NotificationLinks Links() => new()
    {
        Alert = new Uri("http://127.0.0.1:4319/api/alerts/42"),
        Acknowledge = new Uri("http://127.0.0.1:4319/api/alerts/ack?token=abc.def"),
        ErrorGroup = new Uri("http://127.0.0.1:4319/api/errors/7"),
        Trace = new Uri("http://127.0.0.1:4319/api/traces/0af7651916cd43dd8448eb211c80319c"),
    };

    public static Notification Notification(params AlertInstance[] alerts) => new()
    {
        Receiver = "ops",
        GroupKey = "{}:{alertname=\"HighErrors\"}",
        GroupLabels = AlertLabels.From([new("alertname", "HighErrors")]),
        Kind = alerts.Any(a => a.State == AlertState.Firing) ? NotificationKind.Firing : NotificationKind.Resolved,
        Alerts = [.. (alerts.Length == 0 ? [Alert()] : alerts).Select(a => new NotifiedAlert(a, Links()))],
        ExternalUrl = new Uri("http://127.0.0.1:4319/"),
        At = Now,
    };
}
