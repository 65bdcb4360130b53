using Vigil.Model;

namespace Vigil.Alerting.Notifications;

/// <summary>The links of one alert in a notification: the alert, its error group and trace in the query API, and a signed acknowledgement link.</summary>
internal sealed class NotificationLinkBuilder(Func<Uri?> baseAddress, AcknowledgementLinks acknowledgements)
{
    public NotificationLinks For(AlertInstance alert, DateTimeOffset now)
    {
        if (baseAddress() is not { } address)
        {
            return NotificationLinks.None;
        }

        var root = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
        return new NotificationLinks
        {
            Alert = alert.Id > 0 ? new Uri(root, $"api/alerts/{alert.Id}") : null,
            Acknowledge = alert.Id > 0 && alert.State == AlertState.Firing ? acknowledgements.Create(root, alert.Id, now) : null,
            ErrorGroup = alert.Evidence.ErrorGroupId is { } group ? new Uri(root, $"api/errors/{group}") : null,
            Trace = alert.Evidence.TraceId is { Length: 32 } trace && trace.All(char.IsAsciiHexDigit) ? new Uri(root, $"api/traces/{trace}") : null,
        };
    }
}
