using System.Net.Http.Headers;

namespace Vigil.Alerting.Notifications.Channels.Alertmanager;

/// <summary>
/// Posts a notification's alerts to Alertmanager's v2 API. Alertmanager deduplicates by label set, so the notifier
/// re-sending while an alert fires keeps it alive there; a resolved alert is sent with an <c>endsAt</c> in the past.
/// </summary>
internal sealed class AlertmanagerChannel : INotificationChannel, IDisposable
{
    /// <summary>The kind's name in configuration.</summary>
    public const string KindName = "alertmanager";

    private readonly AlertmanagerChannelOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _alerts;

    public AlertmanagerChannel(string name, AlertmanagerChannelOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _http = http;
        var baseUrl = options.Url ?? throw new ArgumentException("an Alertmanager channel needs a Url", nameof(options));
        _alerts = AlertsUrl(baseUrl);
    }

    public string Name { get; }

    public string Kind => KindName;

    /// <summary><c>{url}/api/v2/alerts</c>, keeping a path prefix (an Alertmanager behind <c>--web.route-prefix</c>).</summary>
    public static Uri AlertsUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(text + "/api/v2/alerts", UriKind.Absolute);
    }

    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Alerts.Count == 0)
        {
            return;
        }

        var body = AlertmanagerPostableAlerts.Write(notification, _options.FiringEndsAfter);
        using var request = new HttpRequestMessage(HttpMethod.Post, _alerts);
        if (_options.BearerToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        await ChannelHttp.SendJsonAsync(_http, request, body, $"Alertmanager {ChannelHttp.Origin(_alerts)}", cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
