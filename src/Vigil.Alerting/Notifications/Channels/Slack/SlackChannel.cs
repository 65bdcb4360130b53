namespace Vigil.Alerting.Notifications.Channels.Slack;

/// <summary>Posts a notification to a Slack-compatible incoming webhook (<see cref="SlackPayload"/>).</summary>
internal sealed class SlackChannel : INotificationChannel, IDisposable
{
    /// <summary>The kind's name in configuration.</summary>
    public const string KindName = "slack";

    private readonly SlackChannelOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _url;

    public SlackChannel(string name, SlackChannelOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _http = http;
        _url = options.Url ?? throw new ArgumentException("a Slack channel needs a Url", nameof(options));
    }

    public string Name { get; }

    public string Kind => KindName;

    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);

        // The path of a Slack webhook is its token: messages name only the host.
        using var request = new HttpRequestMessage(HttpMethod.Post, _url);
        await ChannelHttp.SendJsonAsync(_http, request, SlackPayload.Write(notification, _options), $"Slack webhook {ChannelHttp.Origin(_url)}", cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();
}
